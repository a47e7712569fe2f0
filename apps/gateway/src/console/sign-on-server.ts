import { SIGNATURE_HEADER, signTimestamped } from '@inventario/signature';
import type { RequestHandler } from 'express';
import { requestContext } from '../request-context';

/**
 * Signs the raw body a console form sent, as a client would (timestamped form, the gateway's clock), and
 * puts the signature in `X-Signature`, replacing any the browser sent: the key stays on the server and the
 * command then goes through the very checks a client's does.
 */
export function signOnServer(signingKey: string, now: () => Date): RequestHandler {
  return (req, res, next) => {
    const raw = requestContext(res).rawBody ?? Buffer.alloc(0);
    req.headers[SIGNATURE_HEADER] = signTimestamped(signingKey, raw, Math.floor(now().getTime() / 1000));
    next();
  };
}
