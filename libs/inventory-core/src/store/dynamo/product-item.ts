import { StoredItemError } from '../../errors';
import type { LocationCounts, VersionedProduct } from '../../domain/types';
import type { Product } from '../../product';
import { readBoolean, readNumber, readString, type Item } from './attributes';

/** Attributes of the counts per location: each a map from location id to units. */
export const LOCATION_ATTRIBUTES = { stock: 'stock_ubicacion', reservado: 'reservado' } as const;

/**
 * Reads a `product_t` item. Items from before this store (the seed, the old system) may lack fields it
 * writes: a missing `version` is 0 (never changed here), a missing `estado` is `true` (the old system
 * only ever wrote `false` to retire a product), a missing `stock` is 0, a missing `nombre` is `""` and a
 * missing `precio` is 0; without `stock_ubicacion` and `reservado`, all its stock is at CENTRAL and none
 * is held.
 */
export function productFromItem(item: Item, table: string): VersionedProduct {
  return {
    ...publicProductFromItem(item, table),
    version: readNumber(item['version']) ?? 0,
    ...locationCountsOf(item),
  };
}

/**
 * Only the contract's five fields of a product's item: what a listing returns, read in one pass (a page
 * of 1000 is 1000 of these, so no intermediate copy with the version and the counts per location).
 */
export function publicProductFromItem(item: Item, table: string): Product {
  const productoId = readString(item['producto_id']);
  if (productoId === undefined) throw new StoredItemError(table, 'product without producto_id');
  return {
    producto_id: productoId,
    nombre: readString(item['nombre']) ?? '',
    stock: readNumber(item['stock']) ?? 0,
    precio: readNumber(item['precio']) ?? 0,
    estado: readBoolean(item['estado']) ?? true,
  };
}

function locationCountsOf(item: Item): { porUbicacion?: LocationCounts } {
  const stock = unitsByLocation(item[LOCATION_ATTRIBUTES.stock]?.M);
  const reservado = unitsByLocation(item[LOCATION_ATTRIBUTES.reservado]?.M);
  if (Object.keys(stock).length === 0 && Object.keys(reservado).length === 0) return {};
  return { porUbicacion: { stock, reservado } };
}

function unitsByLocation(map: Item | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(map ?? {}).map(([location, value]) => [location, readNumber(value) ?? 0]));
}

/** The five fields of the contract, without the store's `version`. */
export function publicProduct({ producto_id, nombre, stock, precio, estado }: VersionedProduct): Product {
  return { producto_id, nombre, stock, precio, estado };
}
