import { BatchWriteItemCommand, type AttributeValue, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { DEFAULT_TABLE_NAMES } from '@inventario/inventory-core';
import { runPool } from './run-pool';

/** DynamoDB's limit of items per BatchWriteItem. */
const BATCH_SIZE = 25;

/**
 * Writes products straight to the tables as if each had been created by one purchase: version 1 and one
 * `COMPRA` ledger entry for its stock, so stock stays the sum of the ledger. Retries unprocessed items.
 *
 * @example
 * ```ts
 * await seedProducts(clients.dynamodb, ['PRO11000001'], 1000);
 * ```
 */
export async function seedProducts(client: DynamoDBClient, ids: readonly string[], stock: number, options: { withLedger?: boolean } = {}): Promise<void> {
  const now = new Date().toISOString();
  const requests: Put[] = [];
  for (const id of ids) {
    requests.push(put(DEFAULT_TABLE_NAMES.products, {
      producto_id: { S: id },
      nombre: { S: `Bench ${id}` },
      precio: { N: '10' },
      estado: { BOOL: true },
      stock: { N: String(stock) },
      version: { N: '1' },
      actualizado: { S: now },
    }));
    if (options.withLedger === false) continue;
    requests.push(put(DEFAULT_TABLE_NAMES.ledger, {
      producto_id: { S: id },
      version: { N: '1' },
      orden_id: { S: `seed-${id}` },
      tipo: { S: 'COMPRA' },
      cantidad: { N: String(stock) },
      stock_resultante: { N: String(stock) },
      fecha: { S: now },
    }));
  }
  const batches: Put[][] = [];
  for (let start = 0; start < requests.length; start += BATCH_SIZE) batches.push(requests.slice(start, start + BATCH_SIZE));
  await runPool(batches, 8, (batch) => writeBatch(client, batch));
}

async function writeBatch(client: DynamoDBClient, batch: Put[]): Promise<void> {
  let pending: Record<string, WriteRequest[]> = {};
  for (const { table, request } of batch) (pending[table] ??= []).push(request);
  for (let round = 0; Object.keys(pending).length > 0; round++) {
    if (round > 20) throw new Error('seeding: items left unprocessed after 20 rounds');
    if (round > 0) await new Promise((resolve) => setTimeout(resolve, 50 * round));
    const response = await client.send(new BatchWriteItemCommand({ RequestItems: pending }));
    pending = response.UnprocessedItems ?? {};
  }
}

interface Put {
  table: string;
  request: WriteRequest;
}

function put(table: string, item: Record<string, AttributeValue>): Put {
  return { table, request: { PutRequest: { Item: item } } };
}
