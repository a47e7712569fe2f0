import type { Rejection, ReservationView } from '@inventario/inventory-core';

/** `GET /reservas/{orden_id}` once the hold exists. */
export type HoldRead = ReservationView & { tipo: 'CrearReserva' };

/** `GET /reservas/{orden_id}` before the hold exists, or when it was refused. */
export interface PendingHoldRead {
  orden_id: string;
  tipo: 'CrearReserva';
  estado: 'PENDIENTE' | 'RECHAZADA';
  motivo?: Rejection;
}

/** What the reservation read (CrearReserva's `estado_url`) answers. */
export type ReservationRead = HoldRead | PendingHoldRead;
