import type { OutcomeLine } from '../outcome';
import type { LineChange } from './types';

/**
 * The outcome lines of an applied command, one per product: the signed delta and the stock it left.
 *
 * @example
 * ```ts
 * outcomeLines(decision.changes); // [{ producto_id: 'PRO001', cantidad: -2, stock_resultante: 3 }]
 * ```
 */
export function outcomeLines(changes: readonly LineChange[]): OutcomeLine[] {
  return changes.map((change) => ({
    producto_id: change.productoId,
    cantidad: change.delta,
    stock_resultante: change.stockResultante,
  }));
}
