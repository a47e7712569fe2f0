import { el, table } from '../dom.js';
import { formatDate, formatMotivo } from '../format.js';

/** Outcomes as a table: route, id, state, reason and each line's resulting stock. */
export function outcomeTable(id, outcomes, { withTime = false } = {}) {
  return table(id, [
    ...(withTime ? [{ titulo: 'Aceptado', valor: (o) => formatDate(o.aceptado) }] : []),
    { titulo: 'Ruta', valor: (o) => o.ruta },
    { titulo: 'Orden', valor: (o) => o.orden_id },
    { titulo: 'Estado', valor: (o) => el('span', { class: `estado-${o.estado}` }, o.estado) },
    { titulo: 'Motivo', valor: (o) => formatMotivo(o.motivo) },
    {
      titulo: 'Líneas',
      valor: (o) => (o.lineas ?? []).map((line) => el('div', {}, `${line.producto_id}: ${line.cantidad > 0 ? '+' : ''}${line.cantidad} → ${line.stock_resultante}`)),
    },
  ], outcomes, (o) => ({ dataset: { orden: o.orden_id, estado: o.estado } }));
}
