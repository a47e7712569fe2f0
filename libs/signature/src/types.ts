import type { KeyRing } from './key-ring';

/**
 * The contract's `codigo` for a refused signature (answered with 401):
 * `FIRMA_AUSENTE` (no header), `FIRMA_INVALIDA` (malformed or wrong), `FIRMA_EXPIRADA` (right, but its
 * timestamp is outside the tolerance).
 *
 * @example
 * ```ts
 * const codigo: SignatureFailureCode = 'FIRMA_EXPIRADA';
 * ```
 */
export type SignatureFailureCode = 'FIRMA_AUSENTE' | 'FIRMA_INVALIDA' | 'FIRMA_EXPIRADA';

/**
 * Which form of `X-Signature` verified: `request-bound` (`t=<unix>,v2=<hex>`, over the method, path and
 * body), `timestamped` (`t=<unix>,v1=<hex>`, over the body) or `legacy` (plain hex over the body).
 *
 * @example
 * ```ts
 * const form: SignatureForm = 'request-bound';
 * ```
 */
export type SignatureForm = 'request-bound' | 'timestamped' | 'legacy';

/**
 * The request a `v2` signature is bound to: its method and its path as the client sent it (no query).
 *
 * @example
 * ```ts
 * const request: SignedRequest = { method: 'POST', path: '/dev/orden-venta' };
 * ```
 */
export interface SignedRequest {
  method: string;
  path: string;
}

/**
 * Outcome of {@link verifySignature}. On success, which header form matched (and the timestamp of the
 * timestamped form); on failure, the contract's `codigo` and a short reason for people, which never
 * contains a key, the received signature or the expected one.
 *
 * @example
 * ```ts
 * const result = verifySignature({ keyRing, header, body });
 * if (!result.ok) return res.status(401).json({ error: result.reason, codigo: result.codigo });
 * ```
 */
export type VerifyResult =
  | { ok: true; form: SignatureForm; timestamp?: number }
  | { ok: false; codigo: SignatureFailureCode; reason: string };

/**
 * What {@link verifySignature} checks: the header as received against the raw body bytes, with every key
 * of the ring.
 *
 * @example
 * ```ts
 * const options: VerifyOptions = {
 *   keyRing: KeyRing.fromSecret(config.signatureSecret),
 *   header: req.headers['x-signature'] as string | undefined,
 *   body: rawBody,
 *   allowLegacy: config.signatureLegacy,
 * };
 * ```
 */
export interface VerifyOptions {
  /** The keys; any of them verifies. */
  keyRing: KeyRing;
  /** The `X-Signature` header value as received (untrimmed is fine). */
  header: string | undefined;
  /** Raw body bytes, exactly as received: verification is over these bytes, never a re-serialization. */
  body: Buffer;
  /** Now, in unix seconds. Default `Math.floor(Date.now() / 1000)`. */
  nowSeconds?: number;
  /** Accepted distance between `t` and now, both ways: `|now - t| > tolerance` expires. Default 300. */
  toleranceSeconds?: number;
  /** Accept the legacy form (plain hex over the body). Default true; `SIGNATURE_LEGACY=false` turns it off. */
  allowLegacy?: boolean;
  /** Accept `v1` (timestamped, over the body only). Default true; `SIGNATURE_V1=false` turns it off. */
  allowV1?: boolean;
  /**
   * The request the body came with, which a `v2` signature must be over. Without it no `v2` verifies. A
   * header that carries a `v2` is judged by its `v2` alone: its `v1`s are not consulted, so a request-bound
   * signature cannot be stripped down to one that is not.
   */
  request?: SignedRequest;
  /**
   * Check the timestamp against now. Default true; false checks integrity only, for consumers that
   * re-verify a message days later (e.g. after a dead-letter queue replay).
   */
  checkFreshness?: boolean;
}
