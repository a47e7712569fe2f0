import { DEFAULT_LOCATION } from '../command';
import type { VersionedProduct } from './types';

/** A product's stock at one location. */
export interface LocationStock {
  ubicacion_id: string;
  stock: number;
  /** Units held by active reservations. */
  reservado: number;
  /** `stock - reservado`: what a sale or a new hold may take. */
  disponible: number;
}

/**
 * A product's stock at a location. Only the locations other than `CENTRAL` are counted apart: CENTRAL
 * holds the rest of the total, so the single count of a product from before locations existed (and of
 * every client that never names one) is CENTRAL's, unchanged.
 *
 * @example
 * locationStock({ ...product, stock: 10, porUbicacion: { stock: { 'TIENDA-01': 4 }, reservado: {} } }, 'CENTRAL');
 * // { ubicacion_id: 'CENTRAL', stock: 6, reservado: 0, disponible: 6 }
 */
export function locationStock(product: VersionedProduct, ubicacionId: string): LocationStock {
  const counted = product.porUbicacion?.stock ?? {};
  const stock =
    ubicacionId === DEFAULT_LOCATION
      ? product.stock - Object.values(counted).reduce((total, units) => total + units, 0)
      : (counted[ubicacionId] ?? 0);
  const reservado = product.porUbicacion?.reservado[ubicacionId] ?? 0;
  return { ubicacion_id: ubicacionId, stock, reservado, disponible: stock - reservado };
}

/** Every location the product has stock or holds at, CENTRAL first, the others by name. */
export function productLocations(product: VersionedProduct): LocationStock[] {
  const others = new Set([...Object.keys(product.porUbicacion?.stock ?? {}), ...Object.keys(product.porUbicacion?.reservado ?? {})]);
  others.delete(DEFAULT_LOCATION);
  return [DEFAULT_LOCATION, ...[...others].sort()].map((id) => locationStock(product, id));
}
