import { DEFAULT_LOCATION } from '../command';
import type { MovementType } from '../product';
import { locationStock } from './location-stock';
import type { ChangeGuard, LineChange, ProductFields, VersionedProduct } from './types';

/** Where a change happens and what it holds; by default CENTRAL, holding nothing. */
export interface ChangeAt {
  /** Given (CENTRAL included): the change names its location and carries the location's figures. */
  ubicacionId?: string | undefined;
  reservedDelta?: number;
  guard?: ChangeGuard;
}

/**
 * The change of an existing product by `delta` units at a location, setting `set`. Versions and resulting
 * stock follow from the state read, which the store's version condition then pins.
 */
export function changeOf(
  product: VersionedProduct,
  delta: number,
  set: ProductFields,
  movement: MovementType | undefined,
  { ubicacionId, reservedDelta = 0, guard }: ChangeAt = {},
): LineChange {
  const before = locationStock(product, ubicacionId ?? DEFAULT_LOCATION);
  const located = ubicacionId !== undefined || reservedDelta !== 0;
  return {
    productoId: product.producto_id,
    expectedVersion: product.version,
    newVersion: product.version + 1,
    delta,
    stockResultante: product.stock + delta,
    set,
    movement,
    ...(guard && { guard }),
    ...(located && {
      ubicacionId: ubicacionId ?? DEFAULT_LOCATION,
      reservedDelta,
      locationAfter: { stock: before.stock + delta, reservado: before.reservado + reservedDelta },
    }),
  };
}
