import { InvalidCursorError, StoredItemError } from '../../errors';
import { n, s, type Item } from './attributes';

/*
 * A cursor is base64url JSON naming the listing it belongs to and the key to start after. It is opaque to
 * clients but not secret: a hand-made cursor can only start a listing somewhere else in the same table.
 */

interface ProductsPosition {
  t: 'productos';
  id: string;
}

interface MovementsPosition {
  t: 'movimientos';
  id: string;
  v: number;
}

function encode(position: ProductsPosition | MovementsPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

function decode(cursor: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw new InvalidCursorError('is not base64url');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidCursorError('does not decode', { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidCursorError('does not decode');
  return value as Record<string, unknown>;
}

/** The cursor after a `product_t` key (a Scan's `LastEvaluatedKey` or the last item returned). */
export function productsCursor(key: Item): string {
  const id = key['producto_id']?.S;
  if (id === undefined) throw new StoredItemError('products', 'key without producto_id');
  return encode({ t: 'productos', id });
}

/**
 * The `ExclusiveStartKey` a product listing's cursor names.
 *
 * @throws InvalidCursorError when the cursor does not decode or belongs to another listing.
 */
export function productsStartKey(cursor: string): Item {
  const position = decode(cursor);
  if (position['t'] !== 'productos' || typeof position['id'] !== 'string' || position['id'] === '') {
    throw new InvalidCursorError('is not a cursor of the product listing');
  }
  return { producto_id: s(position['id']) };
}

/** The cursor after a `movimientos_t` key of one product. */
export function movementsCursor(key: Item): string {
  const id = key['producto_id']?.S;
  const version = key['version']?.N;
  if (id === undefined || version === undefined) throw new StoredItemError('ledger', 'key without producto_id or version');
  return encode({ t: 'movimientos', id, v: Number(version) });
}

/**
 * The `ExclusiveStartKey` a ledger cursor names; it must have been made for `productoId`'s ledger.
 *
 * @throws InvalidCursorError when the cursor does not decode or belongs to another listing or product.
 */
export function movementsStartKey(cursor: string, productoId: string): Item {
  const position = decode(cursor);
  const version = position['v'];
  if (position['t'] !== 'movimientos' || typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    throw new InvalidCursorError("is not a cursor of a product's ledger");
  }
  if (position['id'] !== productoId) throw new InvalidCursorError(`belongs to another product's ledger`);
  return { producto_id: s(productoId), version: n(version) };
}
