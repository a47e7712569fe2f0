import type { AnyCommandType } from './command';

export type CommandStatus = 'PENDIENTE' | 'APLICADA' | 'RECHAZADA';

/**
 * Why a command was not applied: outcomes, never retried. Most are business rejections (the three
 * `RESERVA_*`: the hold a step names does not exist, is past its expiry, or was already confirmed or
 * released); two say the system itself could not process the command's message: `MENSAJE_INVALIDO` (its
 * message, authentically signed, could not be read as the command: it sits in the dead-letter queue for
 * inspection) and `MENSAJE_CADUCADO` (no message for it was processed within
 * {@link PENDING_COMMAND_LIFETIME_MS} of its acceptance, so none is left anywhere to process it).
 */
export const REJECTION_CODES = [
  'STOCK_INSUFICIENTE',
  'PRODUCTO_NO_EXISTE',
  'PRODUCTO_INACTIVO',
  'DATOS_INCOMPLETOS',
  'ORDEN_DUPLICADA',
  'MENSAJE_INVALIDO',
  'MENSAJE_CADUCADO',
  'RESERVA_NO_EXISTE',
  'RESERVA_EXPIRADA',
  'RESERVA_NO_ACTIVA',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  codigo: RejectionCode;
  mensaje: string;
}

export interface OutcomeLine {
  producto_id: string;
  /** Signed stock delta this command applied to the product. */
  cantidad: number;
  /** The product's total stock after it. */
  stock_resultante: number;
  /**
   * The location of the line, with its stock, held units and `disponible` after it: on the lines of
   * a command that names a location other than CENTRAL, and of every transfer and reservation step,
   * so an old client's outcomes stay exactly as they were.
   */
  ubicacion_id?: string;
  stock_ubicacion?: number;
  reservado?: number;
  disponible?: number;
}

/** A command's outcome, exactly as `GET estado_url` answers it. */
export interface CommandOutcome {
  orden_id: string;
  tipo: AnyCommandType;
  estado: CommandStatus;
  motivo?: Rejection;
  lineas?: OutcomeLine[];
}

/**
 * How long an accepted command may stay PENDIENTE: longer than any message can live (14 days in a
 * dead-letter queue, the longest retention SQS allows), so once it has passed no message for the command
 * exists any more. Past it, the command reads RECHAZADA with `MENSAJE_CADUCADO`, and a message that
 * still arrives (replayed by hand after all) is refused with the same code, so reads and the consumer
 * never disagree.
 */
export const PENDING_COMMAND_LIFETIME_MS = 15 * 24 * 60 * 60 * 1000;
