import { DEFAULT_LOCATION } from '../command';
import type { LineChange, LocationCounts, ProductStates, VersionedProduct } from './types';

/**
 * The state of the products after `changes` apply to `states`, in order: each changed product at its
 * new version with its resulting stock, its counts per location and the fields set; a created one with
 * what its change sets. Pure: `states` is not modified.
 *
 * @example
 * ```ts
 * stateAfter(new Map([['PRO001', { ...product, stock: 5, version: 3 }]]), decision.changes).get('PRO001');
 * // { ...product, stock: 4, version: 4 } after a sale of 1
 * ```
 */
export function stateAfter(states: ProductStates, changes: readonly LineChange[]): ProductStates {
  const next = new Map<string, VersionedProduct | undefined>(states);
  for (const change of changes) {
    const before = next.get(change.productoId);
    const base: VersionedProduct = before ?? { producto_id: change.productoId, nombre: '', precio: 0, estado: true, stock: 0, version: 0 };
    const porUbicacion = countsAfter(base.porUbicacion, change);
    next.set(change.productoId, {
      ...base,
      ...definedFields(change.set),
      stock: change.stockResultante,
      version: change.newVersion,
      ...(porUbicacion && { porUbicacion }),
    });
  }
  return next;
}

/** The counts per location after one change; an entry, once there, stays (at 0 when emptied), as in the store. */
function countsAfter(counts: LocationCounts | undefined, change: LineChange): LocationCounts | undefined {
  const location = change.ubicacionId ?? DEFAULT_LOCATION;
  const held = change.reservedDelta ?? 0;
  const countsStock = location !== DEFAULT_LOCATION && change.delta !== 0;
  if (!countsStock && held === 0) return counts;
  const stock = { ...counts?.stock };
  const reservado = { ...counts?.reservado };
  if (countsStock) stock[location] = (stock[location] ?? 0) + change.delta;
  if (held !== 0) reservado[location] = (reservado[location] ?? 0) + held;
  return { stock, reservado };
}

function definedFields(set: LineChange['set']): LineChange['set'] {
  return Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
}
