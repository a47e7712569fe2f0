import type { OutcomeLine } from '../outcome';
import type { LineChange } from './types';

/**
 * The outcome lines of an applied command, one per change: the signed delta and the total stock it
 * left; with the location's figures on a line that names its location (every line of a transfer or a
 * reservation's step, a purchase's or sale's line only when its body named one; see {@link OutcomeLine}).
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
    ...(change.locationAfter && {
      ubicacion_id: change.ubicacionId,
      stock_ubicacion: change.locationAfter.stock,
      reservado: change.locationAfter.reservado,
      disponible: change.locationAfter.stock - change.locationAfter.reservado,
    }),
  }));
}
