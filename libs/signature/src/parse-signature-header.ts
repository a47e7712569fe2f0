import { MAX_SIGNATURE_HEADER_LENGTH, MAX_TIMESTAMP_DIGITS } from './constants';

/** What an `X-Signature` value says, before any key is used. Internal. */
export type ParsedSignatureHeader =
  | { kind: 'absent' }
  | { kind: 'malformed'; reason: string }
  /** `signature`: the trimmed value, not yet checked to be hex of the right length. */
  | { kind: 'legacy'; signature: string }
  /**
   * `timestampText`: `t` exactly as sent, which is what was signed; `signatures`: every `v1`, and
   * `requestSignatures`: every `v2`, unchecked.
   */
  | { kind: 'timestamped'; timestamp: number; timestampText: string; signatures: string[]; requestSignatures: string[] };

const TIMESTAMP = new RegExp(`^[0-9]{1,${MAX_TIMESTAMP_DIGITS}}$`);

/**
 * Reads an `X-Signature` value. Missing, empty or whitespace is absent. A value with `=` is the
 * timestamped form, comma-separated `key=value` items (whitespace around items, keys and values is
 * ignored): exactly one `t`, whole unix seconds; one or more `v1` or `v2`; other keys (`v0`, ...) ignored. Any
 * other value is a legacy candidate: plain hex, checked later in constant time. Never throws. Internal.
 */
export function parseSignatureHeader(header: unknown): ParsedSignatureHeader {
  if (header === undefined || header === null) return { kind: 'absent' };
  if (typeof header !== 'string') return malformed('the X-Signature header must be a single text value');
  if (header.length > MAX_SIGNATURE_HEADER_LENGTH) return malformed('the X-Signature header is too long');
  const value = header.trim();
  if (value === '') return { kind: 'absent' };
  if (!value.includes('=')) return { kind: 'legacy', signature: value };

  const timestamps: string[] = [];
  const signatures: string[] = [];
  const requestSignatures: string[] = [];
  for (const item of value.split(',')) {
    const equals = item.indexOf('=');
    const key = equals === -1 ? '' : item.slice(0, equals).trim();
    if (key === '') return malformed('the X-Signature header must be key=value items: t=<unix seconds>,v1=<hex>');
    const itemValue = item.slice(equals + 1).trim();
    if (key === 't') timestamps.push(itemValue);
    else if (key === 'v1') signatures.push(itemValue);
    else if (key === 'v2') requestSignatures.push(itemValue);
  }

  const [timestampText] = timestamps;
  if (timestamps.length !== 1 || timestampText === undefined) {
    return malformed('the X-Signature header must have exactly one t');
  }
  if (!TIMESTAMP.test(timestampText)) return malformed('t must be whole unix seconds');
  if (signatures.length === 0 && requestSignatures.length === 0) {
    return malformed('the X-Signature header must have at least one v2 or v1');
  }
  return { kind: 'timestamped', timestamp: Number(timestampText), timestampText, signatures, requestSignatures };
}

function malformed(reason: string): ParsedSignatureHeader {
  return { kind: 'malformed', reason };
}
