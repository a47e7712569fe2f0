import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTables, uniqueOrderId, uniqueProductId } from '@inventario/local-stack';
import {
  commandFingerprint,
  DEFAULT_TABLE_NAMES,
  DynamoInventoryStore,
  type ApplyResult,
  type Command,
  type CommandToApply,
  type TableNames,
} from '../../src';

/**
 * A client of the DynamoDB Local the Jest global setup started (`AWS_ENDPOINT_URL_DYNAMODB`), with the
 * region and credentials it put in the environment.
 */
export function localDynamoDb(): DynamoDBClient {
  const endpoint = process.env['AWS_ENDPOINT_URL_DYNAMODB'];
  if (!endpoint) throw new Error('AWS_ENDPOINT_URL_DYNAMODB is not set: run through jest.config.cjs (global setup)');
  return new DynamoDBClient({ endpoint, region: process.env['AWS_REGION'] ?? 'us-east-1' });
}

/** The tables the global setup created. */
export function sharedTables(): TableNames {
  return {
    products: process.env['TABLE_PRODUCTS'] ?? DEFAULT_TABLE_NAMES.products,
    ledger: process.env['TABLE_LEDGER'] ?? DEFAULT_TABLE_NAMES.ledger,
    commands: process.env['TABLE_COMMANDS'] ?? DEFAULT_TABLE_NAMES.commands,
    reservations: process.env['TABLE_RESERVATIONS'] ?? DEFAULT_TABLE_NAMES.reservations,
  };
}

/** A new set of the four tables, for tests that scan a whole table. */
export async function isolatedTables(client: DynamoDBClient): Promise<TableNames> {
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const tables = {
    products: `${prefix}_product_t`,
    ledger: `${prefix}_movimientos_t`,
    commands: `${prefix}_comandos_t`,
    reservations: `${prefix}_reservas_t`,
  };
  await createTables(client, tables);
  return tables;
}

export { uniqueOrderId, uniqueProductId };

/** A command with the context a consumer gives it: its fingerprint, a correlation id, now. */
export function toApply(command: Command): CommandToApply {
  return { command, context: { fingerprint: commandFingerprint(command), correlationId: `test-${command.ordenId}`, now: new Date() } };
}

/** Applies a command as a consumer does (see {@link toApply}). */
export function applyCommand(store: DynamoInventoryStore, command: Command): Promise<ApplyResult> {
  const { context } = toApply(command);
  return store.apply(command, context);
}

/** Applies a purchase that creates `productoId` with `stock` units (or adds them). */
export async function stockUp(store: DynamoInventoryStore, productoId: string, stock: number): Promise<void> {
  const result = await applyCommand(store, {
    type: 'OrdenCompra',
    ordenId: uniqueOrderId('stock'),
    lines: [{ productoId, cantidad: stock, nombre: `Producto ${productoId}`, precio: 10 }],
  });
  if (result.outcome.estado !== 'APLICADA') throw new Error(`stock-up of ${productoId} was ${result.outcome.estado}`);
}

/** A sale command of one line. */
export function sale(productoId: string, cantidad: number, ordenId = uniqueOrderId('venta')): Command {
  return { type: 'OrdenVenta', ordenId, lines: [{ productoId, cantidad }] };
}

/** A product's whole ledger, newest first, read page by page. */
export async function wholeLedger(store: DynamoInventoryStore, productoId: string, pageSize = 1000) {
  const entries = [];
  let cursor: string | undefined;
  do {
    const page = await store.listMovements(productoId, { limit: pageSize, ...(cursor !== undefined && { cursor }) });
    entries.push(...page.data);
    cursor = page.siguiente;
  } while (cursor !== undefined);
  return entries;
}
