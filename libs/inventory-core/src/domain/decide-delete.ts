import type { DeletePayload } from '../command';
import { changeOf } from './change-of';
import type { Decision, ProductStates } from './types';

/**
 * Decides a soft delete (`EliminarProducto`) of an existing product: `estado = false`, stock untouched,
 * with a `BAJA` ledger entry of 0 units. Deleting an inactive product applies again (same effect, new
 * entry), so a delete never fails for having been done before.
 *
 * @example
 * ```ts
 * decideDelete({ type: 'EliminarProducto', productoId: 'PRO001' }, states);
 * // { kind: 'apply', changes: [{ delta: 0, set: { estado: false }, movement: 'BAJA', ... }] }
 * ```
 */
export function decideDelete(payload: DeletePayload, states: ProductStates): Decision {
  const product = states.get(payload.productoId);
  if (!product) {
    return { kind: 'reject', rejection: { codigo: 'PRODUCTO_NO_EXISTE', mensaje: `${payload.productoId}: no existe` } };
  }
  return { kind: 'apply', changes: [changeOf(product, 0, { estado: false }, 'BAJA')] };
}
