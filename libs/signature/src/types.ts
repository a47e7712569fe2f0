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
  | { ok: true; form: 'timestamped' | 'legacy'; timestamp?: number }
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
  /**
   * Check the timestamp against now. Default true; false checks integrity only, for consumers that
   * re-verify a message days later (e.g. after a dead-letter queue replay).
   */
  checkFreshness?: boolean;
}
