import type { CommandOutcome } from '../http/outcome';
import { renderRecord, renderTable } from '../output/table';

/** A command's outcome for people: its state and reason, then its lines. */
export function outcomeText(outcome: CommandOutcome): string {
  const head = renderRecord({
    orden_id: outcome.orden_id,
    tipo: outcome.tipo,
    estado: outcome.estado,
    ...(outcome.motivo && { motivo: `${outcome.motivo.codigo}: ${outcome.motivo.mensaje}` }),
  });
  if (!outcome.lineas || outcome.lineas.length === 0) return head;
  return head + renderTable(['producto_id', 'cantidad', 'stock_resultante'], outcome.lineas.map((l) => [l.producto_id, l.cantidad, l.stock_resultante]));
}
