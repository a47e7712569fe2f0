/**
 * The commands clients send, named as their topics and as the `tipo` of their outcome: the four of the
 * old system, the stock transfer between locations, and the three steps of a reservation.
 */
export const COMMAND_TYPES = [
  'OrdenCompra',
  'OrdenVenta',
  'ActualizarProducto',
  'EliminarProducto',
  'TransferirStock',
  'CrearReserva',
  'ConfirmarReserva',
  'LiberarReserva',
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

/**
 * Commands the system gives itself: the release of a hold past its expiry (the sweeper's). They have no
 * route, topic or command record; a reservation's own state makes each apply once.
 */
export const INTERNAL_COMMAND_TYPES = ['ExpirarReserva'] as const;
export type InternalCommandType = (typeof INTERNAL_COMMAND_TYPES)[number];

/** Where stock is counted when a line names no location: the old single count is this location's. */
export const DEFAULT_LOCATION = 'CENTRAL';

export interface PurchaseLine {
  productoId: string;
  cantidad: number;
  nombre?: string;
  precio?: number;
  /** Where the units arrive; absent: {@link DEFAULT_LOCATION}, as before locations existed. */
  ubicacionId?: string;
}

export interface SaleLine {
  productoId: string;
  cantidad: number;
  /** Where the units are taken from; absent: {@link DEFAULT_LOCATION}. */
  ubicacionId?: string;
}

export interface PurchasePayload {
  type: 'OrdenCompra';
  lines: PurchaseLine[];
}

export interface SalePayload {
  type: 'OrdenVenta';
  lines: SaleLine[];
}

export interface UpdatePayload {
  type: 'ActualizarProducto';
  productoId: string;
  nombre?: string;
  precio?: number;
  /** Sets the stock count at {@link UpdatePayload.ubicacionId}. */
  cantidad?: number;
  estado?: boolean;
  /** Absent: {@link DEFAULT_LOCATION}. */
  ubicacionId?: string;
}

export interface DeletePayload {
  type: 'EliminarProducto';
  productoId: string;
}

/** Moves `cantidad` units of one product from one location to another, both sides at once. */
export interface TransferPayload {
  type: 'TransferirStock';
  productoId: string;
  desde: string;
  hacia: string;
  cantidad: number;
}

/** One line of a hold: units of a product at a location. */
export interface HoldLine {
  productoId: string;
  cantidad: number;
  ubicacionId: string;
}

/** Holds stock, all lines or none, until it is confirmed, released or expires. */
export interface HoldPayload {
  type: 'CrearReserva';
  lines: HoldLine[];
  /** Seconds from when the hold is made until it expires (60 to 86,400). */
  expiraEnS: number;
}

/** Turns the hold named by the command's id into a sale. */
export interface ConfirmPayload {
  type: 'ConfirmarReserva';
}

/** Gives back the units of the hold named by the command's id. */
export interface ReleasePayload {
  type: 'LiberarReserva';
}

/** Gives back the units of the hold named by the command's id, once it is past its expiry. */
export interface ExpirePayload {
  type: 'ExpirarReserva';
}

/** What a validated body asks for, without its id. */
export type CommandPayload =
  | PurchasePayload
  | SalePayload
  | UpdatePayload
  | DeletePayload
  | TransferPayload
  | HoldPayload
  | ConfirmPayload
  | ReleasePayload;

/** Any command the store applies: a client's, or one the system gives itself. */
export type AnyPayload = CommandPayload | ExpirePayload;

/** A validated client command with the id that names it. For the reservation steps, the id is the hold's. */
export type Command = CommandPayload & { ordenId: string };

/** Any command the store applies, with its id. */
export type StoreCommand = AnyPayload & { ordenId: string };

/** The type of any command the store applies. */
export type AnyCommandType = CommandType | InternalCommandType;

/** Whether a command is one the system gives itself (no route, no command record). */
export function isInternalCommand(command: AnyPayload): command is ExpirePayload {
  return (INTERNAL_COMMAND_TYPES as readonly string[]).includes(command.type);
}

/** Whether a command names a reservation by its id (the hold itself, or a step of it). */
export function isReservationCommand(command: AnyPayload): command is HoldPayload | ConfirmPayload | ReleasePayload | ExpirePayload {
  return command.type === 'CrearReserva' || command.type === 'ConfirmarReserva' || command.type === 'LiberarReserva' || command.type === 'ExpirarReserva';
}
