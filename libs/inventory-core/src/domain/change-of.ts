import type { MovementType } from '../product';
import type { ChangeGuard, LineChange, ProductFields, VersionedProduct } from './types';

/**
 * The change of an existing product by `delta` units, setting `set`. Versions and resulting stock follow
 * from the state read, which the store's version condition then pins.
 */
export function changeOf(
  product: VersionedProduct,
  delta: number,
  set: ProductFields,
  movement: MovementType | undefined,
  guard?: ChangeGuard,
): LineChange {
  return {
    productoId: product.producto_id,
    expectedVersion: product.version,
    newVersion: product.version + 1,
    delta,
    stockResultante: product.stock + delta,
    set,
    movement,
    ...(guard && { guard }),
  };
}
