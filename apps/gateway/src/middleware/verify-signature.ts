import type { CommandMetrics } from '@inventario/observability';
import { SIGNATURE_HEADER, verifySignature as verify, type KeyRing } from '@inventario/signature';
import type { RequestHandler } from 'express';
import { HttpError } from '../http-errors';
import { requestContext } from '../request-context';

export interface SignatureCheckOptions {
  keyRing: KeyRing;
  allowLegacy: boolean;
  now: () => Date;
  /** Counts each refusal by its `codigo` (`FirmasRechazadas`). */
  metrics: CommandMetrics;
}

/**
 * Checks `X-Signature` over the raw body bytes read by `readRawBody`, before anything parses them:
 * 401 `FIRMA_AUSENTE`, `FIRMA_INVALIDA` or `FIRMA_EXPIRADA` otherwise. The header's value is never logged
 * nor echoed.
 *
 * @example
 * router.post(route, readRawBody(MAX_BODY_BYTES), requireJson(), verifySignature({ keyRing, allowLegacy, now, metrics }), handler);
 */
export function verifySignature(options: SignatureCheckOptions): RequestHandler {
  return (req, res, next) => {
    const result = verify({
      keyRing: options.keyRing,
      header: req.get(SIGNATURE_HEADER),
      body: requestContext(res).rawBody ?? Buffer.alloc(0),
      nowSeconds: Math.floor(options.now().getTime() / 1000),
      allowLegacy: options.allowLegacy,
    });
    if (result.ok) {
      next();
      return;
    }
    options.metrics.signatureRejected(result.codigo);
    next(new HttpError(401, result.codigo, `Firma rechazada: ${result.reason}`));
  };
}
