/**
 * A product id of the contract's form (`PRO` and digits) in a range of its own: `series` (two digits)
 * keeps each scenario's products apart from the others' in the one shared table.
 *
 * @example
 * ```ts
 * productId(11, 7); // 'PRO11000007'
 * ```
 */
export function productId(series: number, index: number): string {
  return `PRO${String(series).padStart(2, '0')}${String(index).padStart(6, '0')}`;
}

/** An order id unique to this run: `<prefix>-<run>-<index>`. */
export function orderId(prefix: string, index: number): string {
  return `${prefix}-${RUN}-${index}`;
}

/** Distinguishes this run's order ids from any earlier run's against the same data. */
const RUN = Date.now().toString(36);
