import { randomUUID } from 'node:crypto';

/**
 * A product id of the contract's form (`PRO` and digits) that no other test or run uses, in the one
 * shared table.
 *
 * @example
 * ```ts
 * uniqueProductId(); // 'PRO004815162342'
 * ```
 */
export function uniqueProductId(): string {
  return `PRO${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
}

/**
 * An order id no other test or run uses, `<prefix>-<random>`; short enough to name a queue too.
 *
 * @example
 * ```ts
 * uniqueOrderId('venta'); // 'venta-1b9d6bcd-bbfd'
 * ```
 */
export function uniqueOrderId(prefix = 'test'): string {
  return `${prefix}-${randomUUID().slice(0, 13)}`;
}
