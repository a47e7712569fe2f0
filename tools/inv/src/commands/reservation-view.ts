import type { ReservationRead } from '../http/reservation-read';
import { renderRecord, renderTable } from '../output/table';

/** A reservation for people: its state, times or reason, then its lines (product, location, units). */
export function reservationText(reservation: ReservationRead): string {
  const head = renderRecord({
    orden_id: reservation.orden_id,
    tipo: reservation.tipo,
    estado: reservation.estado,
    ...('motivo' in reservation && reservation.motivo && { motivo: `${reservation.motivo.codigo}: ${reservation.motivo.mensaje}` }),
    ...('creada' in reservation && { creada: reservation.creada, expira_en: reservation.expira_en, resuelta: reservation.resuelta }),
  });
  if (!('lineas' in reservation)) return head;
  return head + renderTable(['producto_id', 'ubicacion_id', 'cantidad'], reservation.lineas.map((l) => [l.producto_id, l.ubicacion_id, l.cantidad]));
}
