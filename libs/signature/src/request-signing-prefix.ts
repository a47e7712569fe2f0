import type { SignedRequest } from './types';

/**
 * What a `v2` MAC covers before the body: `"<t>.<METHOD>.<path>."`, the method upper-cased, the path as
 * the client sent it without its query. Internal: both signing and verifying build it here.
 */
export function requestSigningPrefix(timestampText: string, request: SignedRequest): string {
  return `${timestampText}.${request.method.toUpperCase()}.${request.path}.`;
}
