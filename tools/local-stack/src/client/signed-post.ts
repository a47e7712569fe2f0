import { signLegacy, signTimestamped } from '@inventario/signature';
import { parseJsonObject } from './parse-json-object';

/** How a client signs: the timestamped `t=…,v1=…` form, or the old clients' bare MAC. */
export type SignatureForm = 'timestamped' | 'legacy';

/** Options of {@link signedPost}. */
export interface SignedPostOptions {
  key: string;
  /** Default `timestamped`. */
  form?: SignatureForm;
  /** More request headers, e.g. `x-correlation-id`. */
  headers?: Record<string, string>;
}

/** What the gateway answered. */
export interface GatewayAnswer {
  status: number;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** The JSON object answered, empty when the answer is none. */
  body: { estado_url?: string } & Record<string, unknown>;
  /** When the answer arrived (ms since the epoch). */
  answeredAt: number;
}

/**
 * POSTs a body exactly as given (a string) or as compact JSON, signed as a client signs it, over the
 * process's keep-alive pool.
 *
 * @example
 * ```ts
 * const { status, body } = await signedPost(url, '/orden-venta', { orden_id: 'o-1', producto_id: 'PRO001', cantidad: 1 }, { key });
 * ```
 */
export async function signedPost(baseUrl: string, path: string, body: unknown, options: SignedPostOptions): Promise<GatewayAnswer> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = options.form === 'legacy' ? signLegacy(options.key, raw) : signTimestamped(options.key, raw);
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': signature, ...options.headers },
    body: raw,
  });
  const text = await response.text();
  return { status: response.status, headers: Object.fromEntries(response.headers), body: parseJsonObject(text), answeredAt: Date.now() };
}
