import type { LineChange, ProductStates, VersionedProduct } from './types';

/**
 * The state of the products after `changes` apply to `states`, in order: each changed product at its
 * new version with its resulting stock and the fields set; a created one with what its change sets.
 * Pure: `states` is not modified.
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
    next.set(change.productoId, { ...base, ...definedFields(change.set), stock: change.stockResultante, version: change.newVersion });
  }
  return next;
}

function definedFields(set: LineChange['set']): LineChange['set'] {
  return Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
}
