import { api } from '../api.js';
import { el, replace } from '../dom.js';
import { outcomeTable } from './outcome-table.js';

/** How often the live list asks for the latest outcomes. */
const POLL_MS = 2000;

/** Commands: look up an `orden_id` on every route; the latest outcomes, refreshed while the page is open. */
export function renderCommands(container) {
  const input = el('input', { id: 'orden', required: true, placeholder: 'orden_id', 'aria-label': 'orden_id' });
  const found = el('div', { id: 'consulta' });
  const recent = el('div', { id: 'recientes' });
  let timer;

  const lookUp = async (ordenId) => {
    replace(found, el('p', { class: 'tenue' }, 'Buscando…'));
    try {
      const { data } = await api(`comandos/${encodeURIComponent(ordenId)}`);
      replace(found, data.length === 0 ? el('p', { id: 'sin-comando' }, `Ninguna ruta conoce ${ordenId}.`) : outcomeTable('resultado', data));
    } catch (error) {
      replace(found, el('p', { class: 'aviso' }, error.message));
    }
  };

  const refresh = async () => {
    try {
      const { data } = await api('comandos/recientes');
      replace(recent, data.length === 0 ? el('p', { class: 'tenue' }, 'Ningún comando todavía.') : outcomeTable('ultimos', data, { withTime: true }));
    } catch (error) {
      replace(recent, el('p', { class: 'aviso' }, error.message));
    }
    timer = setTimeout(refresh, POLL_MS);
  };

  replace(
    container,
    el('h2', {}, 'Consultar un comando'),
    el(
      'form',
      {
        class: 'fila',
        onsubmit: (event) => {
          event.preventDefault();
          lookUp(input.value.trim());
        },
      },
      el('label', {}, 'orden_id', input),
      el('button', { type: 'submit', id: 'consultar' }, 'Consultar'),
    ),
    found,
    el('h2', {}, 'Últimos comandos ', el('span', { class: 'tenue' }, '(en vivo)')),
    recent,
  );
  refresh();
  return () => clearTimeout(timer);
}
