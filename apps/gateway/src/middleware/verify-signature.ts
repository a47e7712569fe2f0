import type { CommandMetrics } from '@inventario/observability';
import { SIGNATURE_HEADER, verifySignature as verify, type KeyRing } from '@inventario/signature';
import { isSignedRouteOf, type CommandEntry } from '@inventario/events';
import type { Request, RequestHandler, Response } from 'express';
import { HttpError } from '../http-errors';
import { requestContext } from '../request-context';
import { requestPath } from '../routes/request-path';

export interface SignatureCheckOptions {
  /** The command route checked: a `v2` signature must be over its path (see `isSignedRouteOf`). */
  entry: CommandEntry;
  keyRing: KeyRing;
  allowLegacy: boolean;
  allowV1: boolean;
  now: () => Date;
  /** Counts each refusal by its `codigo` (`FirmasRechazadas`). */
  metrics: CommandMetrics;
}

/**
 * Checks `X-Signature` over the raw body bytes read by `readRawBody`, before anything parses them (and,
 * for a `v2` signature, over the method and the path the client sent, see {@link requestPath}):
 * 401 `FIRMA_AUSENTE`, `FIRMA_INVALIDA` or `FIRMA_EXPIRADA` otherwise. The header's value is never logged
 * nor echoed. A timestamped signature's `t` is kept in the request context (the command's id may come
 * from it).
 *
 * @example
 * router.post(entry.route, readRawBody(MAX_BODY_BYTES), requireJson(), verifySignature({ entry, keyRing, allowLegacy, allowV1, now, metrics }), handler);
 */
export function verifySignature(options: SignatureCheckOptions): RequestHandler {
  return (req, res, next) => {
    const context = requestContext(res);
    const result = verify({
      keyRing: options.keyRing,
      header: req.get(SIGNATURE_HEADER),
      body: context.rawBody ?? Buffer.alloc(0),
      nowSeconds: Math.floor(options.now().getTime() / 1000),
      allowLegacy: options.allowLegacy,
      allowV1: options.allowV1,
      ...signedRequest(options.entry, req, res),
    });
    if (result.ok) {
      if (result.timestamp !== undefined) context.signedAt = result.timestamp;
      context.signatureForm = result.form;
      next();
      return;
    }
    options.metrics.signatureRejected(result.codigo);
    next(new HttpError(401, result.codigo, `Firma rechazada: ${result.reason}`));
  };
}

/**
 * The request a `v2` may be over: its method and path, when the path is one the consumer will accept as
 * this route's. Express also routes `/ORDEN-VENTA` and `/orden-venta/` here; a `v2` over such a path is
 * refused now rather than quarantined by the consumer after a 202.
 */
function signedRequest(entry: CommandEntry, req: Request, res: Response): { request?: { method: string; path: string } } {
  const path = requestPath(req, res);
  return isSignedRouteOf(entry, path) ? { request: { method: req.method, path } } : {};
}
