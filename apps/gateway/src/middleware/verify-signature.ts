import type { CommandMetrics } from '@inventario/observability';
import { SIGNATURE_HEADER, verifySignature as verify, type KeyRing } from '@inventario/signature';
import type { RequestHandler } from 'express';
import { HttpError } from '../http-errors';
import { requestContext } from '../request-context';
import { requestPath } from '../routes/request-path';

export interface SignatureCheckOptions {
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
 * router.post(route, readRawBody(MAX_BODY_BYTES), requireJson(), verifySignature({ keyRing, allowLegacy, now, metrics }), handler);
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
      request: { method: req.method, path: requestPath(req) },
    });
    if (result.ok) {
      if (result.timestamp !== undefined) context.signedAt = result.timestamp;
      next();
      return;
    }
    options.metrics.signatureRejected(result.codigo);
    next(new HttpError(401, result.codigo, `Firma rechazada: ${result.reason}`));
  };
}
