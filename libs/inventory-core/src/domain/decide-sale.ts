import type { SaleLine } from '../command';
import type { RejectionCode } from '../outcome';
import { DEFAULT_LOCATION } from '../command';
import { changeOf } from './change-of';
import { locationStock, type LocationStock } from './location-stock';
import type { Decision, LineChange, ProductStates } from './types';

/** When several lines fail, the order is refused with the code of the gravest failure. */
const GRAVITY: readonly RejectionCode[] = ['PRODUCTO_NO_EXISTE', 'PRODUCTO_INACTIVO', 'STOCK_INSUFICIENTE'];

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
  const failures: { codigo: RejectionCode; mensaje: string }[] = [];
  const changes: LineChange[] = [];
  for (const line of lines) {
    const product = states.get(line.productoId);
    if (!product) {
      failures.push({ codigo: 'PRODUCTO_NO_EXISTE', mensaje: `${line.productoId}: no existe` });
    } else if (!product.estado) {
      failures.push({ codigo: 'PRODUCTO_INACTIVO', mensaje: `${line.productoId}: inactivo` });
    } else {
      const at = locationStock(product, line.ubicacionId ?? DEFAULT_LOCATION);
      if (at.disponible < line.cantidad) {
        failures.push({ codigo: 'STOCK_INSUFICIENTE', mensaje: shortage(line.productoId, at, line.cantidad) });
      } else {
        const guard = { minStock: line.cantidad, mustBeActive: true };
        changes.push(changeOf(product, -line.cantidad, {}, 'VENTA', { ubicacionId: line.ubicacionId, guard }));
      }
    }
  }
  if (failures.length > 0) {
    const codigo = GRAVITY.find((code) => failures.some((failure) => failure.codigo === code)) ?? 'STOCK_INSUFICIENTE';
    return { kind: 'reject', rejection: { codigo, mensaje: failures.map((failure) => failure.mensaje).join('; ') } };
  }
  return { kind: 'apply', changes };
}

/**
 * Why a line is short: the old message (`PRO001: stock 3, pedido 5`) where nothing is held at CENTRAL,
 * so a client that never names a location reads what it always read.
 */
export function shortage(productoId: string, at: LocationStock, pedido: number): string {
  if (at.ubicacion_id === DEFAULT_LOCATION && at.reservado === 0) return `${productoId}: stock ${at.stock}, pedido ${pedido}`;
  const where = at.ubicacion_id === DEFAULT_LOCATION ? '' : ` en ${at.ubicacion_id}`;
  return `${productoId}${where}: disponible ${at.disponible} (stock ${at.stock}, reservado ${at.reservado}), pedido ${pedido}`;
}
