import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { DEFAULT_LOCATION } from '../../command';
import { stateAfter } from '../../domain/state-after';
import type { LineChange, VersionedProduct } from '../../domain/types';
import { bool, n, s, type Item } from './attributes';
import { LOCATION_ATTRIBUTES } from './product-item';

/**
 * The one item of a product in a transaction: its creation, its summed change, or a check that it is as
 * read (when only refusals read it).
 */
export function productItem(table: string, now: Date, id: string, start: VersionedProduct | undefined, changes: readonly LineChange[]): TransactWriteItem {
  if (changes.length === 0) return stateCheck(table, id, start);
  if (start === undefined) return productCreate(table, now, stateAfter(new Map(), changes).get(id) as VersionedProduct);
  return productUpdate(table, now, start, changes);
}

function stateCheck(table: string, id: string, product: VersionedProduct | undefined): TransactWriteItem {
  const key = { producto_id: s(id) };
  if (!product) {
    return { ConditionCheck: { TableName: table, Key: key, ConditionExpression: 'attribute_not_exists(producto_id)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } };
  }
  const version = versionCondition(product.version);
  return {
    ConditionCheck: {
      TableName: table,
      Key: key,
      ConditionExpression: version.expression,
      ExpressionAttributeNames: version.names,
      ExpressionAttributeValues: version.values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/**
 * `version = :expected`. A product that predates this store has no `version` and counts as version 0;
 * `attribute_exists(producto_id)` keeps that from matching a product deleted since it was read.
 */
function versionCondition(expected: number): { expression: string; names: Record<string, string>; values: Item } {
  return {
    expression:
      expected === 0
        ? 'attribute_exists(producto_id) AND (attribute_not_exists(#version) OR #version = :expected)'
        : 'attribute_exists(producto_id) AND #version = :expected',
    names: { '#version': 'version' },
    values: { ':expected': n(expected) },
  };
}

function productCreate(table: string, now: Date, product: VersionedProduct): TransactWriteItem {
  const item: Item = {
    producto_id: s(product.producto_id),
    nombre: s(product.nombre),
    precio: n(product.precio),
    estado: bool(product.estado),
    stock: n(product.stock),
    version: n(product.version),
    actualizado: s(now.toISOString()),
  };
  const counts = product.porUbicacion;
  if (counts && Object.keys(counts.stock).length > 0) item[LOCATION_ATTRIBUTES.stock] = unitsMap(counts.stock);
  if (counts && Object.keys(counts.reservado).length > 0) item[LOCATION_ATTRIBUTES.reservado] = unitsMap(counts.reservado);
  // Created concurrently by another command: these retry and then add to it.
  return { Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(producto_id)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } };
}

function productUpdate(table: string, now: Date, start: VersionedProduct, changes: readonly LineChange[]): TransactWriteItem {
  const version = versionCondition(start.version);
  const names: Record<string, string> = { ...version.names };
  const values: Record<string, AttributeValue> = {
    ...version.values,
    ':zero': n(0),
    ':changes': n(changes.length),
    ':now': s(now.toISOString()),
  };
  const sets = ['#version = if_not_exists(#version, :zero) + :changes', 'actualizado = :now'];
  const conditions = [version.expression];
  const delta = changes.reduce((total, change) => total + change.delta, 0);
  if (delta !== 0) {
    // Always a delta, never the absolute stock computed from the read.
    names['#stock'] = 'stock';
    values[':delta'] = n(delta);
    sets.push('#stock = if_not_exists(#stock, :zero) + :delta');
  }
  sets.push(...locationDeltas('stock', start.porUbicacion?.stock, sumsByLocation(changes, 'delta'), names, values));
  sets.push(...locationDeltas('reservado', start.porUbicacion?.reservado, sumsByLocation(changes, 'reservedDelta'), names, values));
  for (const [field, value] of Object.entries(Object.assign({}, ...changes.map((change) => definedFields(change.set)))) as [string, unknown][]) {
    names[`#${field}`] = field;
    values[`:${field}`] = typeof value === 'boolean' ? bool(value) : typeof value === 'number' ? n(value) : s(String(value));
    sets.push(`#${field} = :${field}`);
  }
  const guard = groupGuard(changes);
  if (guard.minStock !== undefined) {
    names['#stock'] = 'stock';
    values[':min'] = n(guard.minStock);
    conditions.push('#stock >= :min');
  }
  if (guard.mustBeActive) {
    names['#estado'] = 'estado';
    values[':true'] = bool(true);
    conditions.push('(attribute_not_exists(#estado) OR #estado = :true)');
  }
  return {
    Update: {
      TableName: table,
      Key: { producto_id: s(start.producto_id) },
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/**
 * Per location, the summed change of the changes that move it (stock outside CENTRAL, whose stock is the
 * rest of the total; holds anywhere). A location is listed when any change moves it, even when they sum
 * to 0, exactly as `stateAfter` keeps its entry: the next transaction of a group relies on it being there.
 */
function sumsByLocation(changes: readonly LineChange[], field: 'delta' | 'reservedDelta'): Map<string, number> {
  const sums = new Map<string, number>();
  for (const change of changes) {
    const location = change.ubicacionId ?? DEFAULT_LOCATION;
    const units = change[field] ?? 0;
    if (units === 0 || (field === 'delta' && location === DEFAULT_LOCATION)) continue;
    sums.set(location, (sums.get(location) ?? 0) + units);
  }
  return sums;
}

/**
 * The SET clauses of a map of units per location: a delta per entry when the map exists (an entry it
 * lacks starts at 0), else the whole map, which then starts from nothing. Location ids go through
 * attribute names, never into the expression.
 */
function locationDeltas(
  kind: keyof typeof LOCATION_ATTRIBUTES,
  read: Readonly<Record<string, number>> | undefined,
  sums: ReadonlyMap<string, number>,
  names: Record<string, string>,
  values: Record<string, AttributeValue>,
): string[] {
  if (sums.size === 0) return [];
  const attribute = LOCATION_ATTRIBUTES[kind];
  names[`#${kind}Map`] = attribute;
  if (!read || Object.keys(read).length === 0) {
    values[`:${kind}Map`] = unitsMap(Object.fromEntries(sums));
    return [`#${kind}Map = :${kind}Map`];
  }
  return [...sums].map(([location, sum], i) => {
    names[`#${kind}${i}`] = location;
    values[`:${kind}${i}`] = n(sum);
    return `#${kind}Map.#${kind}${i} = if_not_exists(#${kind}Map.#${kind}${i}, :zero) + :${kind}${i}`;
  });
}

function unitsMap(units: Readonly<Record<string, number>>): AttributeValue {
  return { M: Object.fromEntries(Object.entries(units).map(([location, value]) => [location, n(value)])) };
}

/**
 * The business conditions of a product's changes, stated on the stock the transaction starts from: each
 * guarded change needs `minStock` units after the changes before it, so the start needs the largest of
 * `minStock - (deltas before it)`; and it must be active unless a change before it set `estado`. The
 * version condition already implies both; they are kept so the write states its rules.
 */
function groupGuard(changes: readonly LineChange[]): { minStock: number | undefined; mustBeActive: boolean } {
  let before = 0;
  let minStock: number | undefined;
  let mustBeActive = false;
  let estadoSet = false;
  for (const change of changes) {
    if (change.guard) {
      minStock = Math.max(minStock ?? Number.NEGATIVE_INFINITY, change.guard.minStock - before);
      if (change.guard.mustBeActive && !estadoSet) mustBeActive = true;
    }
    before += change.delta;
    if (change.set.estado !== undefined) estadoSet = true;
  }
  return { minStock, mustBeActive };
}

function definedFields(set: LineChange['set']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
}
