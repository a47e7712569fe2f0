import { api } from '../api.js';
import { el, replace, table } from '../dom.js';
import { formatDate, formatPrice } from '../format.js';
import { stockChart } from '../stock-chart.js';

/** One product: its figures, a chart of its stock over time and its ledger, newest first. */
export function renderProduct(container, productoId) {
  const chart = el('div', { id: 'grafico-contenedor' });
  const ledger = el('div', { id: 'libro' });
  const more = el('div', { class: 'paginas' });
  const entries = [];
  let header;
  let stockMinimo = 0;

  const load = async (cursor) => {
    try {
      const data = await api(`productos/${encodeURIComponent(productoId)}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
      stockMinimo = data.stock_minimo;
      entries.push(...data.movimientos.data);
      if (!header) header = summary(data.producto, stockMinimo);
      replace(chart, stockChart(entries, stockMinimo));
      replace(ledger, ledgerTable(entries));
      replace(
        more,
        data.movimientos.siguiente
          ? el('button', { type: 'button', class: 'secundario', onclick: () => load(data.movimientos.siguiente) }, 'Movimientos anteriores')
          : null,
      );
      container.querySelector('#ficha')?.replaceWith(header);
    } catch (error) {
      replace(ledger, el('p', { class: 'aviso', id: 'producto-error' }, error.status === 404 ? `No existe ${productoId}.` : error.message));
    }
  };

  replace(
    container,
    el('p', {}, el('a', { href: '#productos' }, '← Productos')),
    el('h2', {}, productoId),
    el('div', { id: 'ficha' }),
    el('h2', {}, 'Stock en el tiempo'),
    chart,
    el('h2', {}, 'Movimientos'),
    ledger,
    more,
  );
  load(undefined);
}

function summary(product, stockMinimo) {
  return el(
    'div',
    { id: 'ficha', class: `tarjeta${product.stock_bajo ? ' bajo' : ''}` },
    el('strong', {}, product.nombre),
    el('div', {}, `Stock: ${product.stock}`, product.stock_bajo ? el('span', { class: 'marca' }, ` bajo (menos de ${stockMinimo})`) : null),
    el('div', {}, `Precio: ${formatPrice(product.precio)}`),
    el('div', {}, `Activo: ${product.estado ? 'sí' : 'no'}`),
  );
}

function ledgerTable(entries) {
  if (entries.length === 0) return el('p', {}, 'Sin movimientos.');
  return table('movimientos', [
    { titulo: 'Fecha', valor: (e) => formatDate(e.fecha) },
    { titulo: 'Tipo', valor: (e) => e.tipo },
    { titulo: 'Orden', valor: (e) => e.orden_id },
    { titulo: 'Cantidad', num: true, valor: (e) => (e.cantidad > 0 ? `+${e.cantidad}` : String(e.cantidad)) },
    { titulo: 'Stock', num: true, valor: (e) => String(e.stock_resultante) },
  ], entries);
}
