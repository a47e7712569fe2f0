import { parseJson } from '@inventario/dead-letters';

/**
 * The JSON object a text holds, or an empty one when it holds anything else or is no JSON at all: what
 * a client reads from a body or a message it does not control.
 *
 * @example
 * ```ts
 * parseJsonObject('{"estado_url":"/orden-venta/o-1"}'); // { estado_url: '/orden-venta/o-1' }
 * parseJsonObject('<html>'); // {}
 * ```
 */
export function parseJsonObject(text: string): Record<string, unknown> {
  const value = parseJson(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
