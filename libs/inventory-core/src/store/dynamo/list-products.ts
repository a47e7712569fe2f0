import { ScanCommand, type DynamoDBClient, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import type { Product } from '../../product';
import type { Page, PageRequest } from '../../ports';
import { bool, type Item } from './attributes';
import { productsCursor, productsStartKey } from './cursor';
import { productFromItem, publicProduct } from './product-item';

/** With `soloActivos`, how many items a Scan page at least evaluates, so few active ones do not mean many calls. */
const MIN_FILTERED_SCAN = 100;

/**
 * One page of products: Scan pages (consistent) until `limit` products are gathered or the table ends.
 * With `soloActivos` the Scan filters on `estado` (a product without it counts as active), and may then
 * read more items than it returns; the cursor is then the key of the last product returned.
 *
 * @throws InvalidCursorError for a cursor that is not one of this listing.
 */
export async function listProducts(
  client: DynamoDBClient,
  table: string,
  request: PageRequest & { soloActivos: boolean },
): Promise<Page<Product>> {
  const limit = clampLimit(request.limit);
  let startKey: Item | undefined = request.cursor === undefined ? undefined : productsStartKey(request.cursor);
  const data: Product[] = [];
  const filter: Partial<ScanCommandInput> = request.soloActivos
    ? {
        FilterExpression: 'attribute_not_exists(#estado) OR #estado = :true',
        ExpressionAttributeNames: { '#estado': 'estado' },
        ExpressionAttributeValues: { ':true': bool(true) },
      }
    : {};
  for (;;) {
    const remaining = limit - data.length;
    const response = await client.send(
      new ScanCommand({
        TableName: table,
        ConsistentRead: true,
        Limit: request.soloActivos ? Math.max(remaining, MIN_FILTERED_SCAN) : remaining,
        ...(startKey && { ExclusiveStartKey: startKey }),
        ...filter,
      }),
    );
    const items = response.Items ?? [];
    const taken = items.slice(0, remaining);
    data.push(...taken.map((item) => publicProduct(productFromItem(item, table))));
    const lastTaken = taken.at(-1);
    if (items.length > taken.length && lastTaken) {
      // More matched than fit: the page ends at the last product returned, and there is more.
      return { data, siguiente: productsCursor(lastTaken) };
    }
    startKey = response.LastEvaluatedKey;
    if (!startKey) return { data };
    if (data.length >= limit) return { data, siguiente: productsCursor(startKey) };
  }
}

/** The contract's 1 to 1000, enforced again here so no caller can ask DynamoDB for a page of 0. */
export function clampLimit(limit: number): number {
  return Math.min(1000, Math.max(1, Math.trunc(limit) || 1));
}
