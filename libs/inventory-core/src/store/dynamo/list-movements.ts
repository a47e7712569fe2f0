import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LedgerEntry } from '../../product';
import type { Page, PageRequest } from '../../ports';
import { n, s, type Item } from './attributes';
import { movementsCursor, movementsStartKey } from './cursor';
import { clampLimit } from './list-products';
import { ledgerEntriesFromItem, type VersionedEntry } from './ledger-item';

/**
 * Items the first Query of a page reads. A Query's `Limit` counts items, and a packed item may hold a
 * hundred entries (about 14 KB): a page of 1,000 asked as 1,000 items would read a hot product's ledger a
 * megabyte at a time to return a tenth of it. A ledger of up to this many items is still one round trip.
 */
export const FIRST_QUERY_ITEMS = 10;

/**
 * One page of a product's ledger, newest first: Queries on its partition, descending by version
 * (consistent, so an applied command's entry is always there). An item may hold several entries (see
 * `PACKED_ENTRIES`), so the page is read in rounds: {@link FIRST_QUERY_ITEMS} items, then as many as the
 * entries per item read so far say the rest of the page needs. The page may end inside an item: the
 * cursor names the version of the last entry given, and the next page starts below it, in that item or
 * the next (an item is keyed by its lowest version, so the one a page ended in is read again).
 *
 * @throws InvalidCursorError for a cursor that is not one of this product's ledger.
 */
export async function listMovements(
  client: DynamoDBClient,
  table: string,
  productoId: string,
  request: PageRequest,
): Promise<Page<LedgerEntry>> {
  const below = request.cursor === undefined ? undefined : movementsStartKey(request.cursor, productoId)['version'];
  const belowVersion = below?.N === undefined ? Infinity : Number(below.N);
  const limit = clampLimit(request.limit);
  const entries: VersionedEntry[] = [];
  let itemsRead = 0;
  let itemLimit = Math.min(limit, FIRST_QUERY_ITEMS);
  let growth = 1;
  let startKey: Item | undefined;
  for (;;) {
    const response = await client.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: below ? 'producto_id = :id AND version < :below' : 'producto_id = :id',
        ExpressionAttributeValues: { ':id': s(productoId), ...(below && { ':below': below }) },
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: itemLimit,
        ...(startKey && { ExclusiveStartKey: startKey }),
      }),
    );
    const items = response.Items ?? [];
    itemsRead += items.length;
    entries.push(...items.flatMap((item) => ledgerEntriesFromItem(item, table)).filter(({ version }) => version < belowVersion));
    startKey = response.LastEvaluatedKey;
    if (entries.length >= limit || !startKey) break;
    itemLimit = nextItemLimit(limit - entries.length, entries.length / Math.max(1, itemsRead), growth);
    growth *= 2;
  }
  const page = entries.slice(0, limit);
  const last = page.at(-1);
  const more = entries.length > page.length || startKey !== undefined;
  const data = page.map(({ entry }) => entry);
  return more && last ? { data, siguiente: movementsCursor({ producto_id: s(productoId), version: n(last.version) }) } : { data };
}

/**
 * Items the next Query of a page reads: as many as `entriesPerItem` (read so far) says `remaining`
 * entries take, times `growth`. Older items may hold fewer entries than the newer ones read, so each
 * round short of the page doubles `growth`, and a page takes a few rounds at most.
 */
function nextItemLimit(remaining: number, entriesPerItem: number, growth: number): number {
  return Math.min(remaining, Math.ceil(remaining / Math.max(1, entriesPerItem)) * growth);
}
