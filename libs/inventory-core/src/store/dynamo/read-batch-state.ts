import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  type KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import type { ProductStates, VersionedProduct } from '../../domain/types';
import type { Reservation } from '../../reservation';
import { TransientStoreError } from '../../errors';
import type { TableNames } from '../tables';
import { s, type Item } from './attributes';
import { backoff } from './backoff';
import { commandRecordFromItem, type CommandRecord } from './command-record';
import { productFromItem } from './product-item';
import { reservationFromItem } from './reservation-item';

/** How many times keys DynamoDB left unprocessed (throttling) are asked for again before giving up. */
const MAX_UNPROCESSED_ROUNDS = 10;
/** DynamoDB's limit of keys per `BatchGetItem`. */
const KEYS_PER_REQUEST = 100;

/** What a group of commands is decided from: their records, holds and the current state of their products. */
export interface BatchState {
  /** By record key; absent when the command has no record. */
  records: ReadonlyMap<string, CommandRecord>;
  /** Every id asked for is here: `undefined` when the product does not exist. */
  states: ReadonlyMap<string, VersionedProduct | undefined>;
  /** Every hold asked for is here: `undefined` when it does not exist. */
  reservations: ReadonlyMap<string, Reservation | undefined>;
  /** `BatchGetItem` requests it took. */
  requests: number;
}

/** What to read: command record keys, product ids, hold ids. */
export interface BatchKeys {
  recordKeys: readonly string[];
  productIds: readonly string[];
  reservationIds?: readonly string[];
  /** Products whose state is already known (this process wrote them): taken as they are, not read. */
  known?: ProductStates;
}

type Key = { table: 'commands' | 'products' | 'reservations'; value: string };

/**
 * Reads the records of a group of commands, the holds they name and all their products, strongly
 * consistent, in as few `BatchGetItem` as DynamoDB's 100 keys allow (sent at once), asking again for
 * keys left unprocessed. The products of a hold that only the hold names (a step's) are read right
 * after it. Products in `known` are taken from it instead; nothing to read, no request.
 *
 * @throws TransientStoreError when keys are still unprocessed after several rounds.
 */
export async function readBatchState(client: DynamoDBClient, tables: TableNames, { recordKeys, productIds, reservationIds = [], known = new Map() }: BatchKeys): Promise<BatchState> {
  const records = new Map<string, CommandRecord>();
  const states = new Map<string, VersionedProduct | undefined>();
  const reservations = new Map<string, Reservation | undefined>(reservationIds.map((id) => [id, undefined]));
  const toRead = (ids: readonly string[]): string[] => {
    const unknown = [...new Set(ids)].filter((id) => !states.has(id) && !known.has(id));
    for (const id of ids) if (!states.has(id)) states.set(id, known.get(id));
    return unknown;
  };
  const keys: Key[] = [
    ...[...new Set(recordKeys)].map((value): Key => ({ table: 'commands', value })),
    ...toRead(productIds).map((value): Key => ({ table: 'products', value })),
    ...[...new Set(reservationIds)].map((value): Key => ({ table: 'reservations', value })),
  ];
  let requests = keys.length > 0 ? await readInto(client, tables, keys, { records, states, reservations }) : 0;
  const unread = toRead([...reservations.values()].flatMap((reservation) => reservation?.lines.map((line) => line.productoId) ?? []));
  if (unread.length > 0) requests += await readInto(client, tables, unread.map((value): Key => ({ table: 'products', value })), { records, states, reservations });
  return { records, states, reservations, requests };
}

async function readInto(
  client: DynamoDBClient,
  tables: TableNames,
  keys: readonly Key[],
  into: { records: Map<string, CommandRecord>; states: Map<string, VersionedProduct | undefined>; reservations: Map<string, Reservation | undefined> },
): Promise<number> {
  const requests: Key[][] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_REQUEST) requests.push(keys.slice(start, start + KEYS_PER_REQUEST));
  const reads = await Promise.all(requests.map((request) => readAll(client, tables, request)));
  const items = reads.flatMap((read) => read.found);
  for (const { table, item } of items) {
    if (table === tables.products) {
      const product = productFromItem(item, tables.products);
      into.states.set(product.producto_id, product);
    } else if (table === tables.reservations) {
      const reservation = reservationFromItem(item, tables.reservations);
      into.reservations.set(reservation.ordenId, reservation);
    } else {
      into.records.set(item['comando_id']?.S ?? '', commandRecordFromItem(item, tables.commands));
    }
  }
  return reads.reduce((total, read) => total + read.requests, 0);
}

async function readAll(client: DynamoDBClient, tables: TableNames, keys: readonly Key[]): Promise<{ found: { table: string; item: Item }[]; requests: number }> {
  const found: { table: string; item: Item }[] = [];
  let pending: Record<string, KeysAndAttributes> | undefined = requestItems(tables, keys);
  let round = 0;
  for (; pending && Object.keys(pending).length > 0; round++) {
    if (round > MAX_UNPROCESSED_ROUNDS) throw new TransientStoreError(`keys left unprocessed after ${round} rounds`);
    if (round > 0) await backoff(round + 2);
    const response: BatchGetItemCommandOutput = await client.send(new BatchGetItemCommand({ RequestItems: pending }));
    for (const [table, tableItems] of Object.entries(response.Responses ?? {})) {
      for (const item of tableItems) found.push({ table, item });
    }
    pending = response.UnprocessedKeys;
  }
  return { found, requests: round };
}

function requestItems(tables: TableNames, keys: readonly Key[]): Record<string, KeysAndAttributes> {
  const request: Record<string, KeysAndAttributes> = {};
  const records = keys.filter((key) => key.table === 'commands').map((key) => ({ comando_id: s(key.value) }));
  const products = keys.filter((key) => key.table === 'products').map((key) => ({ producto_id: s(key.value) }));
  const holds = keys.filter((key) => key.table === 'reservations').map((key) => ({ orden_id: s(key.value) }));
  if (records.length > 0) request[tables.commands] = { Keys: records, ConsistentRead: true };
  if (products.length > 0) request[tables.products] = { Keys: products, ConsistentRead: true };
  if (holds.length > 0) request[tables.reservations] = { Keys: holds, ConsistentRead: true };
  return request;
}
