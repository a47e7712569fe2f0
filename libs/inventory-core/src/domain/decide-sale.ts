import type { SaleLine } from '../command';
import type { Rejection } from '../outcome';
import { changeOf } from './change-of';
import { availabilityOf, refusalOf } from './take-from-available';
import type { Decision, LineChange, ProductStates } from './types';

/**
 * Decides a sale order (`OrdenVenta`): every line subtracts its `cantidad` from an existing, active
 * product at its location, never below what is held there (`disponible` never below zero). All lines
 * apply or none; when any line fails, the order is refused and the message names every failing product
 * (`"PRO001: stock 3, pedido 5"`).
 *
 * @example
 * ```ts
 * decideSale([{ productoId: 'PRO001', cantidad: 5 }], new Map([['PRO001', { ...product, stock: 3 }]]));
 * // { kind: 'reject', rejection: { codigo: 'STOCK_INSUFICIENTE', mensaje: 'PRO001: stock 3, pedido 5' } }
 * ```
 */
export function decideSale(lines: readonly SaleLine[], states: ProductStates): Decision {
  const failures: Rejection[] = [];
  const changes: LineChange[] = [];
  for (const line of lines) {
    const available = availabilityOf(line, states);
    if (!available.ok) failures.push(available.failure);
    else changes.push(changeOf(available.product, -line.cantidad, {}, 'VENTA', { ubicacionId: line.ubicacionId, guard: { minStock: line.cantidad, mustBeActive: true } }));
  }
  return failures.length > 0 ? { kind: 'reject', rejection: refusalOf(failures) } : { kind: 'apply', changes };
}
