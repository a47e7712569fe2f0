import { TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DEFAULT_TABLE_NAMES } from '@inventario/inventory-core';
import { orderId } from '../harness/ids';
import { percentiles, perSecond, type Percentiles } from '../harness/latency';
import { runPool } from '../harness/run-pool';

/** One single-line sale. */
export interface SaleLine {
  productoId: string;
  cantidad: number;
}

/** What the raw transactions achieved. */
export interface RawSalesResult {
  applied: number;
  /** Sales whose stock condition failed (the item was sold out). */
  refused: number;
  /** Transactions DynamoDB cancelled for a concurrent one on the same item, and sent again. */
  conflicts: number;
  /** Sales (applied or refused) per second. */
  settledPerSecond: number;
  perSecond: number;
  latency: Percentiles;
}

/**
 * The ceiling of a sale: the transaction the consumer writes, sent straight to DynamoDB Local. Per sale,
 * one `TransactWriteItems` of the product's Update (`stock >= :q AND estado = :true`), its ledger Put
 * (`attribute_not_exists`) and the command record's Put (`attribute_not_exists`). The ledger entry's
 * version is counted here per product, as the consumer reads it from the product. A sale whose stock
 * condition fails is counted as refused; one cancelled for a concurrent transaction is sent again.
 */
export async function rawSales(
  client: DynamoDBClient,
  sales: readonly SaleLine[],
  concurrency: number,
  options: { firstVersion: number; idLabel?: string },
): Promise<RawSalesResult> {
  const versions = new Map<string, number>();
  const latencies: number[] = [];
  let applied = 0;
  let refused = 0;
  let conflicts = 0;
  const startedAt = Date.now();
  await runPool(sales, concurrency, async (sale, i) => {
    const version = versions.get(sale.productoId) ?? options.firstVersion;
    versions.set(sale.productoId, version + 1);
    const sentAt = Date.now();
    for (;;) {
      try {
        await client.send(new TransactWriteItemsCommand({ TransactItems: saleItems(sale, version, orderId(options.idLabel ?? 'raw-venta', i)) }));
        applied++;
        break;
      } catch (error) {
        const failure = failureOf(error);
        if (failure === 'refused') {
          refused++;
          break;
        }
        if (failure !== 'conflict') throw error;
        conflicts++;
      }
    }
    latencies.push(Date.now() - sentAt);
  });
  const elapsed = Date.now() - startedAt;
  return {
    applied,
    refused,
    conflicts,
    perSecond: perSecond(applied, elapsed),
    settledPerSecond: perSecond(applied + refused, elapsed),
    latency: percentiles(latencies),
  };
}

/** Index of the product's Update in {@link saleItems}. */
const PRODUCT_ITEM = 1;

function failureOf(error: unknown): 'refused' | 'conflict' | undefined {
  const { name, CancellationReasons: reasons = [] } = error as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (name === 'TransactionConflictException') return 'conflict';
  if (name !== 'TransactionCanceledException') return undefined;
  if (reasons[PRODUCT_ITEM]?.Code === 'ConditionalCheckFailed') return 'refused';
  return reasons.some((reason) => reason.Code === 'TransactionConflict') ? 'conflict' : undefined;
}

function saleItems(sale: SaleLine, version: number, ordenId: string): NonNullable<TransactWriteItemsCommand['input']['TransactItems']> {
  const now = new Date().toISOString();
  return [
    {
      Put: {
        TableName: DEFAULT_TABLE_NAMES.commands,
        Item: {
          comando_id: { S: `OrdenVenta#${ordenId}` },
          tipo: { S: 'OrdenVenta' },
          orden_id: { S: ordenId },
          estado: { S: 'APLICADA' },
          resuelta: { S: now },
        },
        ConditionExpression: 'attribute_not_exists(comando_id)',
      },
    },
    {
      Update: {
        TableName: DEFAULT_TABLE_NAMES.products,
        Key: { producto_id: { S: sale.productoId } },
        UpdateExpression: 'SET #stock = #stock - :q, #version = #version + :one, actualizado = :now',
        ConditionExpression: '#stock >= :q AND #estado = :true',
        ExpressionAttributeNames: { '#stock': 'stock', '#version': 'version', '#estado': 'estado' },
        ExpressionAttributeValues: { ':q': { N: String(sale.cantidad) }, ':one': { N: '1' }, ':true': { BOOL: true }, ':now': { S: now } },
      },
    },
    {
      Put: {
        TableName: DEFAULT_TABLE_NAMES.ledger,
        Item: {
          producto_id: { S: sale.productoId },
          version: { N: String(version) },
          orden_id: { S: ordenId },
          tipo: { S: 'VENTA' },
          cantidad: { N: String(-sale.cantidad) },
          fecha: { S: now },
        },
        ConditionExpression: 'attribute_not_exists(producto_id)',
      },
    },
  ];
}
