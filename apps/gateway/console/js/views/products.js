import { api } from '../api.js';
import { el, replace, table } from '../dom.js';
import { formatPrice } from '../format.js';

const PAGE = 20;

/** Products: search by id or name, paginated; stock under STOCK_MINIMO highlighted. */
export function renderProducts(container) {
  const input = el('input', { id: 'buscar', type: 'search', placeholder: 'PRO001 o parte del nombre', 'aria-label': 'Buscar' });
  const results = el('div', { id: 'resultados' });
  const pages = el('div', { class: 'paginas' });
  let cursors = [undefined];

  const load = async (index) => {
    const params = new URLSearchParams({ limit: String(PAGE) });
    if (input.value.trim() !== '') params.set('q', input.value.trim());
    if (cursors[index]) params.set('cursor', cursors[index]);
    replace(results, el('p', { class: 'tenue' }, 'Cargando…'));
    try {
      const page = await api(`productos?${params}`);
      cursors = cursors.slice(0, index + 1);
      if (page.siguiente) cursors.push(page.siguiente);
      showPage(page, index);
    } catch (error) {
      replace(results, el('p', { class: 'aviso' }, error.message));
    }
  };

  const showPage = (page, index) => {
    replace(
      results,
      page.data.length === 0
        ? el('p', { id: 'sin-resultados' }, 'Ningún producto coincide.')
        : table(
            'productos',
            [
              { titulo: 'Producto', valor: (p) => el('a', { href: `#producto/${encodeURIComponent(p.producto_id)}` }, p.producto_id) },
              { titulo: 'Nombre', valor: (p) => p.nombre },
              { titulo: 'Stock', num: true, valor: (p) => [String(p.stock), p.stock_bajo ? el('span', { class: 'marca' }, ' bajo') : null] },
              { titulo: 'Precio', num: true, valor: (p) => formatPrice(p.precio) },
              { titulo: 'Activo', valor: (p) => (p.estado ? 'sí' : 'no') },
            ],
            page.data,
            (p) => ({ class: p.stock_bajo ? 'bajo' : undefined, dataset: { producto: p.producto_id } }),
          ),
      el('p', { class: 'tenue' }, `Stock bajo: menos de ${page.stock_minimo}.`),
    );
    replace(
      pages,
      el('button', { type: 'button', class: 'secundario', disabled: index === 0, onclick: () => load(index - 1) }, 'Anterior'),
      el('button', { type: 'button', class: 'secundario', id: 'siguiente', disabled: !page.siguiente, onclick: () => load(index + 1) }, 'Siguiente'),
    );
  };

  replace(
    container,
    el('h2', {}, 'Productos'),
    el(
      'form',
      {
        class: 'fila',
        role: 'search',
        onsubmit: (event) => {
          event.preventDefault();
          cursors = [undefined];
          load(0);
        },
      },
      el('label', {}, 'Buscar', input),
      el('button', { type: 'submit', id: 'buscar-boton' }, 'Buscar'),
    ),
    results,
    pages,
  );
  load(0);
}
