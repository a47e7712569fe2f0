import type { SaleLine } from '../command';
import type { RejectionCode } from '../outcome';
import { changeOf } from './change-of';
import type { Decision, LineChange, ProductStates } from './types';

/** When several lines fail, the order is refused with the code of the gravest failure. */
const GRAVITY: readonly RejectionCode[] = ['PRODUCTO_NO_EXISTE', 'PRODUCTO_INACTIVO', 'STOCK_INSUFICIENTE'];

/**
 * Decides a sale order (`OrdenVenta`): every line subtracts its `cantidad`, never below zero, from an
 * existing, active product. All lines apply or none; when any line fails, the order is refused and the
 * message names every failing product (`"PRO001: stock 3, pedido 5"`).
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
    } else if (product.stock < line.cantidad) {
      failures.push({
        codigo: 'STOCK_INSUFICIENTE',
        mensaje: `${line.productoId}: stock ${product.stock}, pedido ${line.cantidad}`,
      });
    } else {
      changes.push(changeOf(product, -line.cantidad, {}, 'VENTA', { minStock: line.cantidad, mustBeActive: true }));
    }
  }
  if (failures.length > 0) {
    const codigo = GRAVITY.find((code) => failures.some((failure) => failure.codigo === code)) ?? 'STOCK_INSUFICIENTE';
    return { kind: 'reject', rejection: { codigo, mensaje: failures.map((failure) => failure.mensaje).join('; ') } };
  }
  return { kind: 'apply', changes };
}
