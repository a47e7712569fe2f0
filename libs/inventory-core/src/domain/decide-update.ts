import type { UpdatePayload } from '../command';
import { changeOf } from './change-of';
import type { Decision, ProductFields, ProductStates } from './types';

/**
 * Decides a product update (`ActualizarProducto`) of an existing product: sets the `nombre`, `precio`
 * and `estado` given, and `cantidad` sets the stock count. A count is a stock change like any other: it
 * becomes a delta (`cantidad - stock`) with an `AJUSTE` ledger entry, even when the delta is 0, so the
 * ledger shows every count taken.
 *
 * @example
 * ```ts
 * decideUpdate({ type: 'ActualizarProducto', productoId: 'PRO001', cantidad: 4 }, states); // stock 10
 * // { kind: 'apply', changes: [{ delta: -6, stockResultante: 4, movement: 'AJUSTE', ... }] }
 * ```
 */
export function decideUpdate(payload: UpdatePayload, states: ProductStates): Decision {
  const product = states.get(payload.productoId);
  if (!product) {
    return { kind: 'reject', rejection: { codigo: 'PRODUCTO_NO_EXISTE', mensaje: `${payload.productoId}: no existe` } };
  }
  const set: ProductFields = {
    ...(payload.nombre !== undefined && { nombre: payload.nombre }),
    ...(payload.precio !== undefined && { precio: payload.precio }),
    ...(payload.estado !== undefined && { estado: payload.estado }),
  };
  if (payload.cantidad === undefined) return { kind: 'apply', changes: [changeOf(product, 0, set, undefined)] };
  return { kind: 'apply', changes: [changeOf(product, payload.cantidad - product.stock, set, 'AJUSTE')] };
}
