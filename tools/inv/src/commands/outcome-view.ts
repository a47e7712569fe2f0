import type { CommandOutcome, OutcomeLine } from '../http/outcome';
import { renderRecord, renderTable, type Cell } from '../output/table';

/**
 * A command's outcome for people: its state and reason, then its lines; the location columns only when
 * a line names one (a command that never does reads as it always did).
 */
export function outcomeText(outcome: CommandOutcome): string {
  const head = renderRecord({
    orden_id: outcome.orden_id,
    tipo: outcome.tipo,
    estado: outcome.estado,
    ...(outcome.motivo && { motivo: `${outcome.motivo.codigo}: ${outcome.motivo.mensaje}` }),
  });
  const lines = outcome.lineas ?? [];
  if (lines.length === 0) return head;
  if (!lines.some((line) => line.ubicacion_id !== undefined)) {
    return head + renderTable(['producto_id', 'cantidad', 'stock_resultante'], lines.map((l) => [l.producto_id, l.cantidad, l.stock_resultante]));
  }
  return head + renderTable(['producto_id', 'ubicacion_id', 'cantidad', 'stock_resultante', 'stock_ubicacion', 'reservado', 'disponible'], lines.map(locatedRow));
}

function locatedRow(line: OutcomeLine): Cell[] {
  return [line.producto_id, line.ubicacion_id, line.cantidad, line.stock_resultante, line.stock_ubicacion, line.reservado, line.disponible];
}
