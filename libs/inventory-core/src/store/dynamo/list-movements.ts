import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LedgerEntry } from '../../product';
import type { Page, PageRequest } from '../../ports';
import { n, s } from './attributes';
import { movementsCursor, movementsStartKey } from './cursor';
import { clampLimit } from './list-products';
import { ledgerEntriesFromItem } from './ledger-item';

/**
 * One page of a product's ledger, newest first: a Query on its partition, descending by version
 * (consistent, so an applied command's entry is always there), of as many items as the page has
 * entries. An item may hold several entries (see `PACKED_ENTRIES`), so the page may end inside one: the
 * cursor names the version of the last entry given, and the next page starts below it, in that item
 * or the next (an item is keyed by its lowest version, so the one a page ended in is read again).
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
  const limit = clampLimit(request.limit);
  const response = await client.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: below ? 'producto_id = :id AND version < :below' : 'producto_id = :id',
      ExpressionAttributeValues: { ':id': s(productoId), ...(below && { ':below': below }) },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  const belowVersion = below?.N === undefined ? Infinity : Number(below.N);
  const entries = (response.Items ?? []).flatMap((item) => ledgerEntriesFromItem(item, table)).filter(({ version }) => version < belowVersion);
  const page = entries.slice(0, limit);
  const last = page.at(-1);
  const more = entries.length > page.length || response.LastEvaluatedKey !== undefined;
  const data = page.map(({ entry }) => entry);
  return more && last ? { data, siguiente: movementsCursor({ producto_id: s(productoId), version: n(last.version) }) } : { data };
}
