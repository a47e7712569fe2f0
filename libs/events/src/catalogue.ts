import type { CommandType } from '@inventario/inventory-core';
import { UnknownCommandError } from './errors';

/** One command of the system: where it enters, where it travels, who applies it. */
export interface CommandEntry {
  type: CommandType;
  /** HTTP route, answered bare and under the stage prefix. */
  route: `/${string}`;
  /** SNS topic the gateway publishes to. */
  topic: string;
  /** SQS queue of the consumer, subscribed to the topic with raw delivery. */
  queue: string;
  /** Its dead-letter queue (maxReceiveCount 5). */
  deadLetterQueue: string;
  /** The Nx project under `apps/` that consumes the queue. */
  app: string;
  /** One line for people (OpenAPI summary, CLI help). */
  summary: string;
}

/**
 * The single list of commands. Gateway routes, local provisioning, SST resources, the replay tool and
 * the OpenAPI document are all derived from it: adding an operation is one entry here plus one app.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    type: 'OrdenCompra',
    route: '/orden-compra',
    topic: 'OrdenCompra',
    queue: 'orden-compra',
    deadLetterQueue: 'orden-compra-dlq',
    app: 'orden-compra',
    summary: 'Purchase order: creates a product, or adds stock to it and re-activates it',
  },
  {
    type: 'OrdenVenta',
    route: '/orden-venta',
    topic: 'OrdenVenta',
    queue: 'movimiento-inventario',
    deadLetterQueue: 'movimiento-inventario-dlq',
    app: 'movimiento-inventario',
    summary: 'Sale order: subtracts stock, never below zero; all lines or none',
  },
  {
    type: 'ActualizarProducto',
    route: '/actualizar-producto',
    topic: 'ActualizarProducto',
    queue: 'actualiza-producto',
    deadLetterQueue: 'actualiza-producto-dlq',
    app: 'actualiza-producto',
    summary: 'Changes name, price, stock count or active flag of an existing product',
  },
  {
    type: 'EliminarProducto',
    route: '/eliminar-productos',
    topic: 'EliminarProducto',
    queue: 'retirar-producto',
    deadLetterQueue: 'retirar-producto-dlq',
    app: 'retirar-producto',
    summary: 'Soft delete: estado = false',
  },
];

/** Topic of outcome events (`StockActualizado`, `OrdenRechazada`, `StockBajo`) for other teams. */
export const OUTCOME_TOPIC = 'InventarioEventos';

/** Receives before a message moves to its dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;

/**
 * How long a consumer's queue keeps a message (SQS's default, 4 days, stated so it is one number): the
 * infrastructure sets it on every queue, and a consumer takes a command older than this for a replay
 * from the dead-letter queue, not a live one, so it never counts its age as processing latency.
 */
export const QUEUE_RETENTION_SECONDS = 4 * 24 * 60 * 60;

/** The entry of a command type. */
export function commandEntry(type: CommandType): CommandEntry {
  const entry = COMMANDS.find((c) => c.type === type);
  if (!entry) throw new UnknownCommandError(`No catalogue entry for ${type}`);
  return entry;
}

/** The entry whose consumer is the given app, if any. */
export function commandEntryForApp(app: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.app === app);
}
