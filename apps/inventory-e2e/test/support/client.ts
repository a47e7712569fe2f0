import type { CommandOutcome } from '@inventario/inventory-core';
import { signLegacy, signTimestamped } from '@inventario/signature';
import request from 'supertest';

export type SignatureForm = 'timestamped' | 'legacy';

export interface PostOptions {
  key: string;
  form?: SignatureForm;
  headers?: Record<string, string>;
}

/** Posts a body exactly as given (string) or as compact JSON, signed like a client would. */
export function signedPost(baseUrl: string, path: string, body: unknown, options: PostOptions) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = options.form === 'legacy' ? signLegacy(options.key, raw) : signTimestamped(options.key, raw);
  let call = request(baseUrl).post(path).set('Content-Type', 'application/json').set('X-Signature', signature);
  for (const [name, value] of Object.entries(options.headers ?? {})) call = call.set(name, value);
  return call.send(raw);
}

/** A command's outcome, as `GET estado_url` answers it (the contract's shape, from the core). */
export type Outcome = CommandOutcome;

/** Follows an `estado_url` until the command's outcome is final. */
export async function waitForOutcome(baseUrl: string, estadoUrl: string, timeoutMs = 60_000): Promise<Outcome> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(baseUrl).get(estadoUrl);
    if (response.status === 200 && response.body.estado !== 'PENDIENTE') return response.body as Outcome;
    if (Date.now() > deadline) throw new Error(`No final outcome at ${estadoUrl}: ${response.status} ${JSON.stringify(response.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A product id no other test uses. */
export function uniqueProductId(): string {
  return `PRO${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
}

/** An order id no other test uses. */
export function uniqueOrderId(prefix = 'e2e'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
