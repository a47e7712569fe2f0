import { signTimestamped } from '@inventario/signature';

/** What the gateway answered. */
export interface PostResult {
  status: number;
  body: Record<string, unknown>;
  /** When the answer arrived (ms since the epoch). */
  answeredAt: number;
}

/**
 * POSTs a body signed in the timestamped form, as a client does, over the process's keep-alive pool.
 *
 * @example
 * ```ts
 * const { status } = await signedPost(url, '/orden-venta', { orden_id: 'o-1', producto_id: 'PRO001', cantidad: 1 }, key);
 * ```
 */
export async function signedPost(baseUrl: string, path: string, body: unknown, key: string): Promise<PostResult> {
  const raw = JSON.stringify(body);
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': signTimestamped(key, raw) },
    body: raw,
  });
  const text = await response.text();
  return { status: response.status, body: parseObject(text), answeredAt: Date.now() };
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
