// Builds elements without innerHTML, so text from the server is always text, never markup.

/**
 * An element: `el('td', { class: 'num', dataset: { etiqueta: 'Stock' } }, '5')`. Attributes starting
 * with `on` are listeners; children are elements, strings or numbers (null and undefined are skipped).
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Adds children (elements or text) to a node. */
export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces a node's children. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/**
 * A table whose rows become labelled cards on a narrow screen: `columns` are `{ titulo, valor(row), num? }`.
 */
export function table(id, columns, rows, rowAttributes = () => ({})) {
  return el(
    'table',
    { id, class: 'adaptable' },
    el('thead', {}, el('tr', {}, columns.map((column) => el('th', { class: column.num ? 'num' : undefined }, column.titulo)))),
    el(
      'tbody',
      {},
      rows.map((row) =>
        el(
          'tr',
          rowAttributes(row),
          columns.map((column) => el('td', { class: column.num ? 'num' : undefined, dataset: { etiqueta: column.titulo } }, el('span', {}, column.valor(row)))),
        ),
      ),
    ),
  );
}
