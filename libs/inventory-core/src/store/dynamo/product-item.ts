import { StoredItemError } from '../../errors';
import type { VersionedProduct } from '../../domain/types';
import type { Product } from '../../product';
import { readBoolean, readNumber, readString, type Item } from './attributes';

/**
 * Reads a `product_t` item. Items from before this store (the seed, the old system) may lack fields it
 * writes: a missing `version` is 0 (never changed here), a missing `estado` is `true` (the old system
 * only ever wrote `false` to retire a product), a missing `stock` is 0, a missing `nombre` is `""` and a
 * missing `precio` is 0.
 */
export function productFromItem(item: Item, table: string): VersionedProduct {
  const productoId = readString(item['producto_id']);
  if (productoId === undefined) throw new StoredItemError(table, 'product without producto_id');
  return {
    producto_id: productoId,
    nombre: readString(item['nombre']) ?? '',
    stock: readNumber(item['stock']) ?? 0,
    precio: readNumber(item['precio']) ?? 0,
    estado: readBoolean(item['estado']) ?? true,
    version: readNumber(item['version']) ?? 0,
  };
}

/** The five fields of the contract, without the store's `version`. */
export function publicProduct({ producto_id, nombre, stock, precio, estado }: VersionedProduct): Product {
  return { producto_id, nombre, stock, precio, estado };
}
