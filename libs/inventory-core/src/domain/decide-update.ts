import type { UpdatePayload } from '../command';
import { DEFAULT_LOCATION } from '../command';
import { changeOf } from './change-of';
import { locationStock } from './location-stock';
import type { Decision, ProductFields, ProductStates } from './types';

/**
 * Decides a product update (`ActualizarProducto`) of an existing product: sets the `nombre`, `precio`
 * and `estado` given, and `cantidad` sets the stock count at its location. A count is a stock change like
 * any other: it becomes a delta (`cantidad - stock there`) with an `AJUSTE` ledger entry, even when the
 * delta is 0, so the ledger shows every count taken. A count below the units held there is refused
 * (`STOCK_INSUFICIENTE`): it would promise units that are not there.
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
  const at = locationStock(product, payload.ubicacionId ?? DEFAULT_LOCATION);
  if (payload.cantidad < at.reservado) {
    return {
      kind: 'reject',
      rejection: { codigo: 'STOCK_INSUFICIENTE', mensaje: `${payload.productoId}: cuenta ${payload.cantidad} por debajo de ${at.reservado} reservadas en ${at.ubicacion_id}` },
    };
  }
  return { kind: 'apply', changes: [changeOf(product, payload.cantidad - at.stock, set, 'AJUSTE', { ubicacionId: payload.ubicacionId })] };
}
