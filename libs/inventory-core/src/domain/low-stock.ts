import type { OutcomeLine } from '../outcome';

/** `STOCK_MINIMO` when the configuration gives none. */
export const DEFAULT_STOCK_MINIMO = 5;

/**
 * The lines of an outcome whose stock went down and ended under `stockMinimo`: one `StockBajo` event
 * each. A line that added stock or left it as it was never warns, even when still under the minimum,
 * so a product under the minimum is announced once per decrease, not on every purchase.
 *
 * @example
 * ```ts
 * lowStock([{ producto_id: 'PRO001', cantidad: -2, stock_resultante: 3 }], 5); // that line
 * ```
 */
export function lowStock(lines: readonly OutcomeLine[], stockMinimo: number = DEFAULT_STOCK_MINIMO): OutcomeLine[] {
  return lines.filter((line) => line.cantidad < 0 && line.stock_resultante < stockMinimo);
}
