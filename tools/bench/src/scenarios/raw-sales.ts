import type { DynamoDBClient, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { DEFAULT_TABLE_NAMES } from '@inventario/inventory-core';
import { orderId } from '../harness/ids';
import { rawTransactions, type RawResult } from './raw-transactions';

/** One single-line sale. */
export interface SaleLine {
  productoId: string;
  cantidad: number;
}

/** What the raw sales achieved. */
export type RawSalesResult = RawResult;

/**
 * The ceiling of a sale: the transaction the consumer writes, sent straight to DynamoDB Local. Per sale,
 * one `TransactWriteItems` of the product's Update (`stock >= :q AND estado = :true`), its ledger Put
 * (`attribute_not_exists`) and the command record's Put (`attribute_not_exists`). The ledger entry's
 * version is counted here per product, as the consumer reads it from the product. A sale whose stock
 * condition fails is counted as refused; one cancelled for a concurrent transaction is sent again.
 */
export function rawSales(
  client: DynamoDBClient,
  sales: readonly SaleLine[],
  concurrency: number,
  options: { firstVersion: number; idLabel?: string },
): Promise<RawSalesResult> {
  const versions = new Map<string, number>();
  return rawTransactions(
    client,
    sales.length,
    concurrency,
    (i) => {
      const sale = sales[i] as SaleLine;
      const version = versions.get(sale.productoId) ?? options.firstVersion;
      versions.set(sale.productoId, version + 1);
      return saleItems(sale, version, orderId(options.idLabel ?? 'raw-venta', i));
    },
    PRODUCT_ITEM,
  );
}

/** Index of the product's Update in {@link saleItems}. */
const PRODUCT_ITEM = 1;

function saleItems(sale: SaleLine, version: number, ordenId: string): TransactWriteItem[] {
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
