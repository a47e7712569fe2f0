/**
 * `@inventario/signature`: the `X-Signature` HMAC check of every POST (timestamped and legacy forms),
 * key rotation through a key ring, and the signing helpers clients and tests use. Internal helpers
 * (header parsing, constant-time comparison) are deliberately not exported.
 */
export { DEFAULT_TOLERANCE_SECONDS, LOCAL_DEFAULT_KEY, SIGNATURE_HEADER } from './constants';
export { KeyRing } from './key-ring';
export { signLegacy, signRequest, signTimestamped } from './sign';
export type { SignatureFailureCode, SignatureForm, SignedRequest, VerifyOptions, VerifyResult } from './types';
export { verifySignature } from './verify-signature';
