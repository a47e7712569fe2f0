import { hmacSha256 } from './hmac';
import { requestSigningPrefix } from './request-signing-prefix';
import type { SignedRequest } from './types';

/**
 * Signs a body in the timestamped form: `t=<unix seconds>,v1=<hex>`, where
 * `hex = HMAC-SHA256(key, "<t>." + body bytes)`. A string body is signed as its UTF-8 bytes; send exactly
 * the bytes you signed.
 *
 * @param nowSeconds - whole unix seconds; default `Math.floor(Date.now() / 1000)`.
 * @throws RangeError when `nowSeconds` is not a non-negative safe integer (a programming error).
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ orden_id: 'A1', producto_id: 'PRO001', cantidad: 2 });
 * await fetch(url, { method: 'POST', body, headers: { 'x-signature': signTimestamped(key, body) } });
 * signTimestamped('Mercado Libre', '{"a":1}', 1700000000);
 * // 't=1700000000,v1=d518b1f36df3e6de6452d0f77f2f87ff0e6db020efa84230aa02cb74de55693d'
 * ```
 */
export function signTimestamped(key: string, body: Buffer | string, nowSeconds?: number): string {
  const t = unixSeconds(nowSeconds);
  return `t=${t},v1=${hmacSha256(key, [`${t}.`, body]).toString('hex')}`;
}

/**
 * Signs a request in the request-bound form, the preferred one: `t=<unix seconds>,v2=<hex>`, where
 * `hex = HMAC-SHA256(key, "<t>.<METHOD>.<path>." + body bytes)` and `path` is the path the request is
 * sent to, without its query. The signature is then good for that route only: the same body cannot be
 * posted to another route with it.
 *
 * @param nowSeconds - whole unix seconds; default `Math.floor(Date.now() / 1000)`.
 * @throws RangeError when `nowSeconds` is not a non-negative safe integer (a programming error).
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ orden_id: 'A1', producto_id: 'PRO001', cantidad: 2 });
 * const header = signRequest(key, { method: 'POST', path: '/orden-venta' }, body);
 * await fetch(`${base}/orden-venta`, { method: 'POST', body, headers: { 'x-signature': header } });
 * ```
 */
export function signRequest(key: string, request: SignedRequest, body: Buffer | string, nowSeconds?: number): string {
  const t = unixSeconds(nowSeconds);
  return `t=${t},v2=${hmacSha256(key, [requestSigningPrefix(String(t), request), body]).toString('hex')}`;
}

function unixSeconds(nowSeconds: number | undefined): number {
  const t = nowSeconds ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(t) || t < 0) throw new RangeError('nowSeconds must be whole unix seconds');
  return t;
}

/**
 * Signs a body in the legacy form, exactly what the old clients send: lower-case hex of
 * `HMAC-SHA256(key, body bytes)`. A string body is signed as its UTF-8 bytes.
 *
 * @example
 * ```ts
 * signLegacy('Jefe', 'what do ya want for nothing?');
 * // '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843' (RFC 4231, test case 2)
 * ```
 */
export function signLegacy(key: string, body: Buffer | string): string {
  return hmacSha256(key, [body]).toString('hex');
}
