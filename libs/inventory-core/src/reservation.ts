import type { HoldLine } from './command';

/** Where a hold is in its life: held, sold, given back by the client, or given back by the system. */
export const RESERVATION_STATUSES = ['ACTIVA', 'CONFIRMADA', 'LIBERADA', 'EXPIRADA'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** A hold of stock, named by the `orden_id` of the command that made it. */
export interface Reservation {
  ordenId: string;
  estado: ReservationStatus;
  lines: HoldLine[];
  /** ISO 8601: when the hold was made. */
  creada: string;
  /** ISO 8601: from this instant the hold can no longer be confirmed, and the system releases it. */
  expiraEn: string;
  /** ISO 8601: when it left ACTIVA. */
  resuelta?: string;
  correlationId: string;
}

/** What the store read of the reservations a group of commands names: `undefined` when there is none. */
export type ReservationStates = ReadonlyMap<string, Reservation | undefined>;

/** Whether an ACTIVA hold is past its expiry at `now` (it is then EXPIRADA to every reader). */
export function isPastExpiry(reservation: Reservation, now: Date): boolean {
  return Date.parse(reservation.expiraEn) <= now.getTime();
}

/** A reservation as clients read it (`GET /reservas/{orden_id}`). */
export interface ReservationView {
  orden_id: string;
  estado: ReservationStatus;
  lineas: { producto_id: string; ubicacion_id: string; cantidad: number }[];
  creada: string;
  expira_en: string;
  resuelta?: string;
}

/**
 * The reservation as read at `now`: an ACTIVA hold past its expiry reads EXPIRADA at once, since it can
 * no longer be confirmed, even before the sweeper has given its units back.
 */
export function reservationView(reservation: Reservation, now: Date): ReservationView {
  const estado = reservation.estado === 'ACTIVA' && isPastExpiry(reservation, now) ? 'EXPIRADA' : reservation.estado;
  return {
    orden_id: reservation.ordenId,
    estado,
    lineas: reservation.lines.map((line) => ({ producto_id: line.productoId, ubicacion_id: line.ubicacionId, cantidad: line.cantidad })),
    creada: reservation.creada,
    expira_en: reservation.expiraEn,
    ...(reservation.resuelta !== undefined && { resuelta: reservation.resuelta }),
  };
}
