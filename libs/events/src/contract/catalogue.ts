import type { CommandType } from '@inventario/inventory-core';
import { UnknownCommandError } from '../errors';

/** One command of the system: where it enters, where it travels, who applies it. */
export interface CommandEntry {
  type: CommandType;
  /**
   * HTTP route, answered bare and under the stage prefix. A step of a reservation names its hold in the
   * path (`/reservas/{orden_id}/confirmar`, OpenAPI syntax): that segment is the command's id.
   */
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
  {
    type: 'TransferirStock',
    route: '/transferir-stock',
    topic: 'TransferirStock',
    queue: 'transferir-stock',
    deadLetterQueue: 'transferir-stock-dlq',
    app: 'transferir-stock',
    summary: 'Moves units of a product from one location to another, both sides at once',
  },
  {
    type: 'CrearReserva',
    route: '/reservas',
    topic: 'CrearReserva',
    queue: 'crear-reserva',
    deadLetterQueue: 'crear-reserva-dlq',
    app: 'crear-reserva',
    summary: 'Holds stock, all lines or none, until confirmed, released or expired',
  },
  {
    type: 'ConfirmarReserva',
    route: '/reservas/{orden_id}/confirmar',
    topic: 'ConfirmarReserva',
    queue: 'confirmar-reserva',
    deadLetterQueue: 'confirmar-reserva-dlq',
    app: 'confirmar-reserva',
    summary: 'Turns an active hold into a sale',
  },
  {
    type: 'LiberarReserva',
    route: '/reservas/{orden_id}/liberar',
    topic: 'LiberarReserva',
    queue: 'liberar-reserva',
    deadLetterQueue: 'liberar-reserva-dlq',
    app: 'liberar-reserva',
    summary: 'Gives the units of an active hold back',
  },
];

/** The path segment of a route that carries the command's id. */
export const ORDEN_ID_SEGMENT = '{orden_id}';

/** Whether the entry's route names the command's id in its path (a reservation's step). */
export function idInPath(entry: CommandEntry): boolean {
  return entry.route.includes(ORDEN_ID_SEGMENT);
}

/**
 * The path a command is posted to: the route itself, or with the id in its segment (encoded).
 *
 * @example
 * commandPath(commandEntry('ConfirmarReserva'), 'r-1'); // '/reservas/r-1/confirmar'
 */
export function commandPath(entry: CommandEntry, ordenId?: string): string {
  return idInPath(entry) ? entry.route.replace(ORDEN_ID_SEGMENT, encodeURIComponent(ordenId ?? '')) : entry.route;
}

/**
 * The id a path gives a command of the entry: the decoded id segment, when the path is the route (bare
 * or under one prefix segment) with one; `undefined` otherwise.
 *
 * @example
 * ordenIdFromPath(commandEntry('ConfirmarReserva'), '/dev/reservas/r-1/confirmar'); // 'r-1'
 */
export function ordenIdFromPath(entry: CommandEntry, path: string): string | undefined {
  if (!idInPath(entry)) return undefined;
  const [before, after] = entry.route.split(ORDEN_ID_SEGMENT) as [string, string];
  const match = new RegExp(`^(?:/[^/?#]+)?${escapeRegExp(before)}([^/?#]+)${escapeRegExp(after)}$`).exec(path);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Topic of outcome events (`StockActualizado`, `OrdenRechazada`, `StockBajo`, `Reserva*`) for other teams. */
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
