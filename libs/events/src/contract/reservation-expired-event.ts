import type { Reservation } from '@inventario/inventory-core';
import type { ReservationExpiredEvent } from './outcome-event';

/**
 * The `ReservaExpirada` of a hold the sweeper expired. Deterministic: built from the hold alone (its id,
 * lines, correlation id and the instant it was expired), so announcing it again after a crash sends the
 * same event, which other teams drop by its `id`.
 *
 * @example
 * reservationExpiredEvent(expired).id; // 'ExpirarReserva#r-1#ReservaExpirada'
 */
export function reservationExpiredEvent(reservation: Reservation): ReservationExpiredEvent {
  return {
    id: ['ExpirarReserva', reservation.ordenId, 'ReservaExpirada'].join('#'),
    tipo: 'ReservaExpirada',
    ocurrido: reservation.resuelta ?? reservation.expiraEn,
    correlation_id: reservation.correlationId,
    orden_id: reservation.ordenId,
    comando: 'ExpirarReserva',
    lineas: reservation.lines.map((line) => ({ producto_id: line.productoId, ubicacion_id: line.ubicacionId, cantidad: line.cantidad })),
  };
}
