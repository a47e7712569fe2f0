import { DEFAULT_TOLERANCE_SECONDS } from './constants';
import { matchesAnyDigest } from './constant-time';
import { hmacWithEachKey } from './key-ring';
import { parseSignatureHeader } from './parse-signature-header';
import type { SignatureFailureCode, VerifyOptions, VerifyResult } from './types';

/**
 * Checks an `X-Signature` header against the raw body bytes with every key of the ring, in constant time.
 * Never throws for any header value.
 *
 * - Missing, empty or whitespace header: `FIRMA_AUSENTE`.
 * - Timestamped `t=<unix s>,v1=<hex>[,v1=<hex>...]`: passes when any `v1` equals
 *   `HMAC-SHA256(key, "<t>." + body)` for any key and `|now - t| <= toleranceSeconds`. A malformed header
 *   or no matching `v1` is `FIRMA_INVALIDA`; `FIRMA_EXPIRADA` is only given for a signature that matches,
 *   so a wrong signature never learns whether its timestamp was acceptable. A `NaN` `nowSeconds` or
 *   `toleranceSeconds` expires everything (fails closed).
 * - Legacy plain hex (64 digits, any case, surrounding whitespace ignored) of `HMAC-SHA256(key, body)`:
 *   passes unless `allowLegacy` is false (then `FIRMA_INVALIDA`). A `sha256=` prefix is not accepted.
 *
 * @example
 * ```ts
 * const result = verifySignature({
 *   keyRing: KeyRing.fromSecret(config.signatureSecret),
 *   header: req.get('x-signature'),
 *   body: rawBody,
 *   allowLegacy: config.signatureLegacy,
 * });
 * if (!result.ok) return res.status(401).json({ error: result.reason, codigo: result.codigo });
 *
 * // A consumer re-checking a message, maybe days later: integrity only.
 * verifySignature({ keyRing, header: message.signature, body: message.rawBody, checkFreshness: false });
 * ```
 */
export function verifySignature(options: VerifyOptions): VerifyResult {
  const parsed = parseSignatureHeader(options.header);
  switch (parsed.kind) {
    case 'absent':
      return fail('FIRMA_AUSENTE', 'the X-Signature header is missing');
    case 'malformed':
      return fail('FIRMA_INVALIDA', parsed.reason);
    case 'legacy': {
      if (options.allowLegacy === false) {
        return fail('FIRMA_INVALIDA', 'legacy signatures are not accepted: send t=<unix seconds>,v1=<hex>');
      }
      const expected = hmacWithEachKey(options.keyRing, [options.body]);
      if (!matchesAnyDigest(expected, [parsed.signature])) return fail('FIRMA_INVALIDA', doesNotMatch);
      return { ok: true, form: 'legacy' };
    }
    case 'timestamped': {
      const expected = hmacWithEachKey(options.keyRing, [`${parsed.timestampText}.`, options.body]);
      if (!matchesAnyDigest(expected, parsed.signatures)) return fail('FIRMA_INVALIDA', doesNotMatch);
      const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
      const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
      if (options.checkFreshness !== false && !isWithinTolerance(parsed.timestamp, now, tolerance)) {
        return fail('FIRMA_EXPIRADA', `the signature's timestamp is more than ${tolerance} s away from now`);
      }
      return { ok: true, form: 'timestamped', timestamp: parsed.timestamp };
    }
  }
}

const doesNotMatch = 'the signature does not match the body';

/** Written so that NaN gives false: an unusable clock or tolerance fails closed. */
function isWithinTolerance(timestamp: number, now: number, tolerance: number): boolean {
  return Math.abs(now - timestamp) <= tolerance;
}

function fail(codigo: SignatureFailureCode, reason: string): VerifyResult {
  return { ok: false, codigo, reason };
}
