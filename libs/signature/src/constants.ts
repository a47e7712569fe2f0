/**
 * The old system's key. Used only locally, when `SIGNATURE_SECRET` is unset, so the old Postman
 * collection keeps working; a deployed stage must refuse to start with it (see {@link KeyRing.usesLocalDefault}).
 *
 * @example
 * ```ts
 * const ring = KeyRing.fromSecret(undefined);
 * ring.usesLocalDefault; // true: the ring holds only LOCAL_DEFAULT_KEY
 * ```
 */
export const LOCAL_DEFAULT_KEY = 'Mercado Libre';

/**
 * Name of the header that carries the signature, lower-cased as Node exposes it in `req.headers`.
 *
 * @example
 * ```ts
 * const header = req.headers[SIGNATURE_HEADER]; // 'x-signature'
 * ```
 */
export const SIGNATURE_HEADER = 'x-signature';

/**
 * How far, in seconds, a timestamped signature's `t` may be from now, either way, and still be accepted.
 *
 * @example
 * ```ts
 * verifySignature({ keyRing, header, body, toleranceSeconds: DEFAULT_TOLERANCE_SECONDS }); // the default
 * ```
 */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Bytes in an HMAC-SHA256 digest; a signature is this many bytes, written as twice as many hex digits. */
export const DIGEST_BYTES = 32;

/**
 * Longest `X-Signature` value looked at. A real one is `t=` plus ten digits and one `v1=` of 64 hex digits
 * per key in rotation; anything this long is refused as malformed, which also bounds the work per request.
 */
export const MAX_SIGNATURE_HEADER_LENGTH = 4096;

/** Digits allowed in `t`: 15 keeps every value a safe integer (the year 2024 is 10 digits). */
export const MAX_TIMESTAMP_DIGITS = 15;
