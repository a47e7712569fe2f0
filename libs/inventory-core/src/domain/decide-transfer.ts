import type { TransferPayload } from '../command';
import { changeOf } from './change-of';
import { shortage } from './take-from-available';
import { locationStock } from './location-stock';
import { stateAfter } from './state-after';
import type { Decision, ProductStates } from './types';

/**
 * Decides a transfer (`TransferirStock`): `cantidad` units of a product leave `desde` and arrive at
 * `hacia`, as two `TRANSFERENCIA` ledger entries with consecutive versions, written in one transaction,
 * so the total stock never changes and the source never goes below what is held there. A retired
 * product's units may still move.
 *
 * @example
 * ```ts
 * decideTransfer({ type: 'TransferirStock', productoId: 'PRO001', desde: 'CENTRAL', hacia: 'TIENDA-01', cantidad: 2 }, states);
 * // { kind: 'apply', changes: [{ ubicacionId: 'CENTRAL', delta: -2, ... }, { ubicacionId: 'TIENDA-01', delta: 2, ... }] }
 * ```
 */
export function decideTransfer(payload: TransferPayload, states: ProductStates): Decision {
  const product = states.get(payload.productoId);
  if (!product) {
    return { kind: 'reject', rejection: { codigo: 'PRODUCTO_NO_EXISTE', mensaje: `${payload.productoId}: no existe` } };
  }
  const source = locationStock(product, payload.desde);
  if (source.disponible < payload.cantidad) {
    return { kind: 'reject', rejection: { codigo: 'STOCK_INSUFICIENTE', mensaje: shortage(payload.productoId, source, payload.cantidad) } };
  }
  const out = changeOf(product, -payload.cantidad, {}, 'TRANSFERENCIA', { ubicacionId: payload.desde });
  const afterOut = stateAfter(states, [out]).get(payload.productoId) ?? product;
  const into = changeOf(afterOut, payload.cantidad, {}, 'TRANSFERENCIA', { ubicacionId: payload.hacia });
  return { kind: 'apply', changes: [out, into] };
}
