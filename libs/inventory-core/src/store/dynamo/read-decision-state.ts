import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  type KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import type { ProductStates, VersionedProduct } from '../../domain/types';
import { TransientStoreError } from '../../errors';
import type { TableNames } from '../tables';
import { s } from './attributes';
import { backoff } from './backoff';
import { commandRecordFromItem, type CommandRecord } from './command-record';
import { productFromItem } from './product-item';

/** How many times keys DynamoDB left unprocessed (throttling) are asked for again before giving up. */
const MAX_UNPROCESSED_ROUNDS = 10;

/** What a command is decided from: its record, if any, and the current state of each of its products. */
export interface DecisionState {
  record: CommandRecord | undefined;
  /** Every id asked for is here: `undefined` when the product does not exist. */
  states: ProductStates;
}

/**
 * Reads a command's record and its products in one strongly consistent `BatchGetItem` (one round trip
 * instead of two on the path every new command takes), asking again for keys DynamoDB leaves unprocessed.
 *
 * @throws TransientStoreError when keys are still unprocessed after several rounds.
 */
export async function readDecisionState(
  client: DynamoDBClient,
  tables: TableNames,
  recordKey: string,
  productIds: readonly string[],
): Promise<DecisionState> {
  const states = new Map<string, VersionedProduct | undefined>(productIds.map((id) => [id, undefined]));
  let record: CommandRecord | undefined;
  let pending: Record<string, KeysAndAttributes> | undefined = {
    [tables.commands]: { Keys: [{ comando_id: s(recordKey) }], ConsistentRead: true },
    [tables.products]: { Keys: [...new Set(productIds)].map((id) => ({ producto_id: s(id) })), ConsistentRead: true },
  };
  for (let round = 0; pending && Object.keys(pending).length > 0; round++) {
    if (round > MAX_UNPROCESSED_ROUNDS) throw new TransientStoreError(`keys left unprocessed after ${round} rounds`);
    if (round > 0) await backoff(round + 2);
    const response: BatchGetItemCommandOutput = await client.send(new BatchGetItemCommand({ RequestItems: pending }));
    for (const item of response.Responses?.[tables.products] ?? []) {
      const product = productFromItem(item, tables.products);
      states.set(product.producto_id, product);
    }
    const [recordItem] = response.Responses?.[tables.commands] ?? [];
    if (recordItem) record = commandRecordFromItem(recordItem, tables.commands);
    pending = response.UnprocessedKeys;
  }
  return { record, states };
}
