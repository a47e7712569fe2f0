import { ScanCommand, type DynamoDBClient, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { DEFAULT_LOCATION } from '../../command';
import { locationStock } from '../../domain/location-stock';
import type { Product } from '../../product';
import type { LocationProduct, Page, PageRequest } from '../../ports';
import { bool, type Item } from './attributes';
import { productsCursor, productsStartKey } from './cursor';
import { LOCATION_ATTRIBUTES, productFromItem, publicProductFromItem } from './product-item';

/** With a filter, how many items a Scan page at least evaluates, so few matches do not mean many calls. */
const MIN_FILTERED_SCAN = 100;

type ScanFilter = Pick<ScanCommandInput, 'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>;

/**
 * One page of products. With `soloActivos` the Scan filters on `estado` (a product without it counts
 * as active).
 *
 * @throws InvalidCursorError for a cursor that is not one of this listing.
 */
export async function listProducts(client: DynamoDBClient, table: string, request: PageRequest & { soloActivos: boolean }): Promise<Page<Product>> {
  const filter: ScanFilter | undefined = request.soloActivos
    ? {
        FilterExpression: 'attribute_not_exists(#estado) OR #estado = :true',
        ExpressionAttributeNames: { '#estado': 'estado' },
        ExpressionAttributeValues: { ':true': bool(true) },
      }
    : undefined;
  return scanProducts(client, table, request, filter, (item) => publicProductFromItem(item, table));
}

/**
 * One page of a location's stock: every product it counts or holds units of (CENTRAL: every product,
 * since it holds what no other location counts), with its stock, held units and `disponible` there. A
 * filtered Scan: the counts per location live on the product's own item, so that every command still
 * writes one item per product (see the README's "Stock per location").
 *
 * @throws InvalidCursorError for a cursor that is not one of a product listing.
 */
export async function listLocationProducts(client: DynamoDBClient, table: string, ubicacionId: string, request: PageRequest): Promise<Page<LocationProduct>> {
  const filter: ScanFilter | undefined =
    ubicacionId === DEFAULT_LOCATION
      ? undefined
      : {
          FilterExpression: 'attribute_exists(#counted.#location) OR attribute_exists(#held.#location)',
          ExpressionAttributeNames: { '#counted': LOCATION_ATTRIBUTES.stock, '#held': LOCATION_ATTRIBUTES.reservado, '#location': ubicacionId },
        };
  return scanProducts(client, table, request, filter, (item) => {
    const product = productFromItem(item, table);
    return { producto_id: product.producto_id, nombre: product.nombre, estado: product.estado, ...locationStock(product, ubicacionId) };
  });
}

/**
 * Scan pages (consistent) until `limit` products are gathered or the table ends, each item read by
 * `fromItem`. With a filter the Scan may read more items than it returns; the cursor is then the key of
 * the last product returned.
 */
async function scanProducts<T>(
  client: DynamoDBClient,
  table: string,
  request: PageRequest,
  filter: ScanFilter | undefined,
  fromItem: (item: Item) => T,
): Promise<Page<T>> {
  const limit = clampLimit(request.limit);
  let startKey: Item | undefined = request.cursor === undefined ? undefined : productsStartKey(request.cursor);
  const data: T[] = [];
  for (;;) {
    const remaining = limit - data.length;
    const response = await client.send(
      new ScanCommand({
        TableName: table,
        ConsistentRead: true,
        Limit: filter ? Math.max(remaining, MIN_FILTERED_SCAN) : remaining,
        ...(startKey && { ExclusiveStartKey: startKey }),
        ...filter,
      }),
    );
    const items = response.Items ?? [];
    const taken = items.slice(0, remaining);
    for (const item of taken) data.push(fromItem(item));
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
