import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  type KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import { TransientStoreError } from '../../errors';
import type { ProductStates, VersionedProduct } from '../../domain/types';
import { s } from './attributes';
import { backoff } from './backoff';
import { productFromItem } from './product-item';

/** How many times keys DynamoDB left unprocessed (throttling) are asked for again before giving up. */
const MAX_UNPROCESSED_ROUNDS = 10;

/**
 * Reads products with strongly consistent reads, asking again for the keys DynamoDB leaves unprocessed.
 * Every id asked for is in the result: `undefined` when the product does not exist.
 *
 * @throws TransientStoreError when keys are still unprocessed after several rounds.
 */
export async function readProducts(client: DynamoDBClient, table: string, ids: readonly string[]): Promise<ProductStates> {
  const states = new Map<string, VersionedProduct | undefined>(ids.map((id) => [id, undefined]));
  let pending: KeysAndAttributes | undefined = {
    Keys: [...new Set(ids)].map((id) => ({ producto_id: s(id) })),
    ConsistentRead: true,
  };
  for (let round = 0; pending?.Keys && pending.Keys.length > 0; round++) {
    if (round > MAX_UNPROCESSED_ROUNDS) throw new TransientStoreError(`${table}: keys left unprocessed after ${round} rounds`);
    if (round > 0) await backoff(round + 2);
    const response: BatchGetItemCommandOutput = await client.send(new BatchGetItemCommand({ RequestItems: { [table]: pending } }));
    for (const item of response.Responses?.[table] ?? []) {
      const product = productFromItem(item, table);
      states.set(product.producto_id, product);
    }
    pending = response.UnprocessedKeys?.[table];
  }
  return states;
}
