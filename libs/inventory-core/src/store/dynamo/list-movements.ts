import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LedgerEntry } from '../../product';
import type { Page, PageRequest } from '../../ports';
import { s } from './attributes';
import { movementsCursor, movementsStartKey } from './cursor';
import { clampLimit } from './list-products';
import { ledgerEntryFromItem } from './ledger-item';

/**
 * One page of a product's ledger, newest first: a Query on its partition, descending by version
 * (consistent, so an applied command's entry is always there).
 *
 * @throws InvalidCursorError for a cursor that is not one of this product's ledger.
 */
export async function listMovements(
  client: DynamoDBClient,
  table: string,
  productoId: string,
  request: PageRequest,
): Promise<Page<LedgerEntry>> {
  const startKey = request.cursor === undefined ? undefined : movementsStartKey(request.cursor, productoId);
  const response = await client.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'producto_id = :id',
      ExpressionAttributeValues: { ':id': s(productoId) },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: clampLimit(request.limit),
      ...(startKey && { ExclusiveStartKey: startKey }),
    }),
  );
  const data = (response.Items ?? []).map((item) => ledgerEntryFromItem(item, table));
  return response.LastEvaluatedKey ? { data, siguiente: movementsCursor(response.LastEvaluatedKey) } : { data };
}
