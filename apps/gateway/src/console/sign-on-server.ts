import { commandPath, type CommandEntry } from '@inventario/events';
import { SIGNATURE_HEADER, signRequest } from '@inventario/signature';
import type { RequestHandler } from 'express';
import { requestContext } from '../request-context';

/**
 * Signs the raw body a console form sent as a client posting it to the command's route would (the
 * request-bound `v2` form over `POST <route>`, the gateway's clock), and puts the signature in
 * `X-Signature`, replacing any the browser sent: the key stays on the server, and the command then goes
 * through the very checks a client's does, and reaches its consumer as posted to `<route>` (with the id of the form's path, for a route that names one).
 */
export function signOnServer(entry: CommandEntry, signingKey: string, now: () => Date): RequestHandler {
  return (req, res, next) => {
    const context = requestContext(res);
    // A reservation's step names its hold in the path: the form's path gives it (`/enviar/reservas/r-1/confirmar`).
    const ordenId = req.params['orden_id'];
    const path = commandPath(entry, typeof ordenId === 'string' ? ordenId : undefined);
    context.commandPath = path;
    const raw = context.rawBody ?? Buffer.alloc(0);
    req.headers[SIGNATURE_HEADER] = signRequest(signingKey, { method: 'POST', path }, raw, Math.floor(now().getTime() / 1000));
    next();
  };
}
