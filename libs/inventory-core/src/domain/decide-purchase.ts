import type { PurchaseLine } from '../command';
import { changeOf } from './change-of';
import type { Decision, LineChange, ProductStates } from './types';

/**
 * Decides a purchase order (`OrdenCompra`). Each line creates its product (which then needs `nombre` and
 * `precio`, and starts active) or adds `cantidad` to an existing one and re-activates it; for an existing
 * product the body's `nombre` and `precio` are ignored, as in the old system. All lines apply or none:
 * one new product without `nombre` or `precio` refuses the whole order with `DATOS_INCOMPLETOS`.
 *
 * @example
 * ```ts
 * decidePurchase([{ productoId: 'PRO001', cantidad: 5 }], new Map([['PRO001', { ...product, stock: 2, version: 3 }]]));
 * // { kind: 'apply', changes: [{ productoId: 'PRO001', expectedVersion: 3, newVersion: 4, delta: 5, stockResultante: 7, ... }] }
 * ```
 */
export function decidePurchase(lines: readonly PurchaseLine[], states: ProductStates): Decision {
  const incomplete: string[] = [];
  const changes: LineChange[] = [];
  for (const line of lines) {
    const product = states.get(line.productoId);
    if (product) {
      changes.push(changeOf(product, line.cantidad, { estado: true }, 'COMPRA', { ubicacionId: line.ubicacionId }));
      continue;
    }
    if (line.nombre === undefined || line.precio === undefined) {
      incomplete.push(`${line.productoId}: producto nuevo sin ${missingFields(line)}`);
      continue;
    }
    changes.push({
      productoId: line.productoId,
      expectedVersion: undefined,
      newVersion: 1,
      delta: line.cantidad,
      stockResultante: line.cantidad,
      set: { nombre: line.nombre, precio: line.precio, estado: true },
      movement: 'COMPRA',
      ...(line.ubicacionId !== undefined && {
        ubicacionId: line.ubicacionId,
        reservedDelta: 0,
        locationAfter: { stock: line.cantidad, reservado: 0 },
      }),
    });
  }
  if (incomplete.length > 0) {
    return { kind: 'reject', rejection: { codigo: 'DATOS_INCOMPLETOS', mensaje: incomplete.join('; ') } };
  }
  return { kind: 'apply', changes };
}

function missingFields(line: PurchaseLine): string {
  const missing = [line.nombre === undefined && 'nombre', line.precio === undefined && 'precio'].filter(Boolean);
  return missing.join(' ni ');
}
