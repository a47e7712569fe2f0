import { DEFAULT_TOLERANCE_SECONDS } from './constants';
import { matchesAnyDigest } from './constant-time';
import { hmacWithEachKey } from './key-ring';
import { parseSignatureHeader, type ParsedSignatureHeader } from './parse-signature-header';
import { requestSigningPrefix } from './request-signing-prefix';
import type { SignatureFailureCode, SignatureForm, VerifyOptions, VerifyResult } from './types';

/**
 * Checks an `X-Signature` header against the raw body bytes with every key of the ring, in constant time.
 * Never throws for any header value.
 *
 * - Missing, empty or whitespace header: `FIRMA_AUSENTE`.
 * - Request-bound `t=<unix s>,v2=<hex>[,v2=<hex>...]`: passes when any `v2` equals
 *   `HMAC-SHA256(key, "<t>.<METHOD>.<path>." + body)` for the given `request` and any key, and the
 *   timestamp is fresh. A header with a `v2` is judged by its `v2`s alone.
 * - Timestamped `t=<unix s>,v1=<hex>[,v1=<hex>...]`: passes when any `v1` equals
 *   `HMAC-SHA256(key, "<t>." + body)` for any key and `|now - t| <= toleranceSeconds`, unless `allowV1`
 *   is false. A malformed header
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
      const checked = checkTimestamped(options, parsed);
      if (!checked.ok) return checked;
      const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
      const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
      if (options.checkFreshness !== false && !isWithinTolerance(parsed.timestamp, now, tolerance)) {
        return fail('FIRMA_EXPIRADA', `the signature's timestamp is more than ${tolerance} s away from now`);
      }
      return { ok: true, form: checked.form, timestamp: parsed.timestamp };
    }
  }
}

type TimestampedHeader = Extract<ParsedSignatureHeader, { kind: 'timestamped' }>;
type MacCheck = { ok: true; form: SignatureForm } | Extract<VerifyResult, { ok: false }>;

/** The MAC of a timestamped header, before its freshness: `v2` when it has any, else `v1`. */
function checkTimestamped(options: VerifyOptions, parsed: TimestampedHeader): MacCheck {
  if (parsed.requestSignatures.length > 0) {
    if (options.request === undefined) return fail('FIRMA_INVALIDA', 'a v2 signature needs the request it was made for');
    const expected = hmacWithEachKey(options.keyRing, [requestSigningPrefix(parsed.timestampText, options.request), options.body]);
    if (!matchesAnyDigest(expected, parsed.requestSignatures)) return fail('FIRMA_INVALIDA', 'the signature does not match the request');
    return { ok: true, form: 'request-bound' };
  }
  if (options.allowV1 === false) {
    return fail('FIRMA_INVALIDA', 'v1 signatures are not accepted: send t=<unix seconds>,v2=<hex> over method, path and body');
  }
  const expected = hmacWithEachKey(options.keyRing, [`${parsed.timestampText}.`, options.body]);
  if (!matchesAnyDigest(expected, parsed.signatures)) return fail('FIRMA_INVALIDA', doesNotMatch);
  return { ok: true, form: 'timestamped' };
}

const doesNotMatch = 'the signature does not match the body';

/** Written so that NaN gives false: an unusable clock or tolerance fails closed. */
function isWithinTolerance(timestamp: number, now: number, tolerance: number): boolean {
  return Math.abs(now - timestamp) <= tolerance;
}

function fail(codigo: SignatureFailureCode, reason: string): VerifyResult {
  return { ok: false, codigo, reason };
}
