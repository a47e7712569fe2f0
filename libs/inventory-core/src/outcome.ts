import type { CommandType } from './command';

export type CommandStatus = 'PENDIENTE' | 'APLICADA' | 'RECHAZADA';

/** Business rejections: outcomes, never retried. */
export const REJECTION_CODES = [
  'STOCK_INSUFICIENTE',
  'PRODUCTO_NO_EXISTE',
  'PRODUCTO_INACTIVO',
  'DATOS_INCOMPLETOS',
  'ORDEN_DUPLICADA',
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
  stock_resultante: number;
}

/** A command's outcome, exactly as `GET estado_url` answers it. */
export interface CommandOutcome {
  orden_id: string;
  tipo: CommandType;
  estado: CommandStatus;
  motivo?: Rejection;
  lineas?: OutcomeLine[];
}
