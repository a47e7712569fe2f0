import { api } from '../api.js';
import { el, replace, table } from '../dom.js';
import { formatAge, formatDate } from '../format.js';

/**
 * Queues: each consumer queue and its dead-letter queue with depth and oldest age; a dead-letter queue's
 * messages (never their body or signature); a replay, always simulated before it is done for real.
 */
export function renderQueues(container) {
  const overview = el('div', { id: 'resumen' });
  const letters = el('div', { id: 'cartas' });

  const loadOverview = async () => {
    replace(overview, el('p', { class: 'tenue' }, 'Cargando…'));
    try {
      const { data } = await api('colas');
      replace(
        overview,
        table('colas', [
          { titulo: 'Servicio', valor: (q) => q.servicio },
          { titulo: 'Cola', num: true, valor: (q) => depth(q.cola) },
          { titulo: 'DLQ', num: true, valor: (q) => depth(q.dlq) },
          { titulo: 'DLQ: más antiguo', num: true, valor: (q) => `${q.dlq.antiguedad_minima && q.dlq.antiguedad_segundos !== null ? '≥ ' : ''}${formatAge(q.dlq.antiguedad_segundos)}` },
          {
            titulo: '',
            valor: (q) =>
              q.dlq.visibles + q.dlq.en_vuelo > 0
                ? el('button', { type: 'button', class: 'secundario', dataset: { ver: q.servicio }, onclick: () => peek(q.servicio) }, 'Ver')
                : null,
          },
        ], byService(data), (q) => ({ dataset: { servicio: q.servicio } })),
        el('p', { class: 'tenue' }, 'Cada cola: visibles / en vuelo. Una cola viva nunca se lee aquí (contaría como recepción).'),
      );
    } catch (error) {
      replace(overview, el('p', { class: 'aviso' }, error.message));
    }
  };

  // A dead-letter queue may hold more than one look shows: an orden_id finds its messages wherever they are.
  const only = el('input', { id: 'ver-orden', placeholder: 'orden_id (opcional)', 'aria-label': 'orden_id de los mensajes a ver' });

  const peek = async (servicio) => {
    replace(letters, el('p', { class: 'tenue' }, 'Leyendo…'));
    const query = only.value.trim() === '' ? '' : `?${new URLSearchParams({ orden_id: only.value.trim() })}`;
    try {
      const { cola, data } = await api(`colas/${encodeURIComponent(servicio)}/mensajes${query}`);
      replace(letters, deadLetters(servicio, cola, data, loadOverview));
    } catch (error) {
      replace(letters, el('p', { class: 'aviso' }, error.message));
    }
  };

  replace(
    container,
    el('h2', {}, 'Colas'),
    el('p', {}, el('button', { type: 'button', class: 'secundario', id: 'refrescar', onclick: loadOverview }, 'Refrescar'), ' ', only),
    overview,
    letters,
  );
  loadOverview();
}

/** One row per service: its queue and its dead-letter queue side by side. */
function byService(rows) {
  const services = new Map();
  for (const row of rows) {
    const entry = services.get(row.servicio) ?? { servicio: row.servicio };
    entry[row.rol === 'dlq' ? 'dlq' : 'cola'] = row;
    services.set(row.servicio, entry);
  }
  return [...services.values()].filter((entry) => entry.cola && entry.dlq);
}

function depth(row) {
  return el('span', { title: row.cola, dataset: { cola: row.cola } }, `${row.visibles} / ${row.en_vuelo}`);
}

function deadLetters(servicio, cola, messages, onReplayed) {
  const filter = el('input', { id: 'reenvio-orden', placeholder: 'todas', 'aria-label': 'orden_id a reenviar' });
  const result = el('p', { id: 'reenvio-resultado' });
  let simulatedFor;
  const replayButton = el('button', { type: 'button', id: 'reenviar', disabled: true }, 'Reenviar');

  const run = async (dryRun) => {
    const params = new URLSearchParams({ simulacro: String(dryRun) });
    if (filter.value.trim() !== '') params.set('orden_id', filter.value.trim());
    result.textContent = dryRun ? 'Simulando…' : 'Reenviando…';
    try {
      const report = await api(`colas/${encodeURIComponent(servicio)}/reenvio?${params}`, { method: 'POST' });
      const held = report.apartados.length > 0 ? `; ${report.apartados.length} apartados (firma o cuarentena)` : '';
      result.textContent = dryRun
        ? `Simulacro: se moverían ${report.movidos.length} de ${report.de} a ${report.a}${held}.`
        : `Movidos ${report.movidos.length} de ${report.de} a ${report.a}${held}.`;
      simulatedFor = dryRun && report.movidos.length > 0 ? filter.value.trim() : undefined;
      replayButton.disabled = simulatedFor === undefined;
      if (!dryRun) {
        for (const moved of report.movidos) panel.querySelector(`#mensajes tr[data-orden="${CSS.escape(moved.orden_id ?? '')}"]`)?.remove();
        onReplayed();
      }
    } catch (error) {
      result.textContent = error.message;
    }
  };
  filter.addEventListener('input', () => {
    replayButton.disabled = simulatedFor !== filter.value.trim();
  });
  replayButton.addEventListener('click', () => run(false));

  const panel = el(
    'section',
    { class: 'tarjeta', id: 'panel-cartas' },
    el('h2', {}, `Mensajes en ${cola}`),
    messages.length === 0
      ? el('p', {}, 'Vacía.')
      : table('mensajes', [
          { titulo: 'Tipo', valor: (m) => m.tipo ?? '' },
          { titulo: 'Orden', valor: (m) => m.orden_id ?? '' },
          { titulo: 'Motivo', valor: (m) => (m.detalle ? `${m.motivo}: ${m.detalle}` : m.motivo) },
          { titulo: 'Recepciones', num: true, valor: (m) => String(m.recepciones ?? '') },
          { titulo: 'Aceptado', valor: (m) => formatDate(m.aceptado) },
          { titulo: 'Firma', valor: (m) => m.verificacion_firma },
          {
            titulo: '',
            valor: (m) =>
              m.orden_id
                ? el('button', { type: 'button', class: 'secundario', dataset: { elegir: m.orden_id }, onclick: () => { filter.value = m.orden_id; filter.dispatchEvent(new Event('input')); } }, 'Elegir')
                : null,
          },
        ], messages, (m) => ({ dataset: { orden: m.orden_id ?? '' } })),
    el('h2', {}, 'Reenviar a la cola del consumidor'),
    el('p', { class: 'tenue' }, 'Primero un simulacro; después se puede reenviar lo mismo. Los mensajes con firma inválida o en cuarentena se quedan.'),
    el('div', { class: 'fila' }, el('label', {}, 'orden_id (vacío: todas)', filter), el('button', { type: 'button', id: 'simular', class: 'secundario', onclick: () => run(true) }, 'Simular'), replayButton),
    result,
  );
  return panel;
}
