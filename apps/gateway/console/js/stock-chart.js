// The stock of one product over time, drawn as an SVG step line from its ledger entries.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 44, right: 12, top: 14, bottom: 30 };

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The points of the chart, oldest first: the stock before the first entry (its `stock_resultante` less
 * its `cantidad`), then each entry's `stock_resultante` at its `fecha`.
 */
export function stockPoints(entries) {
  const ordered = [...entries].sort((a, b) => Date.parse(a.fecha) - Date.parse(b.fecha));
  if (ordered.length === 0) return [];
  const first = ordered[0];
  return [
    { time: Date.parse(first.fecha), stock: first.stock_resultante - first.cantidad, entry: undefined },
    ...ordered.map((entry) => ({ time: Date.parse(entry.fecha), stock: entry.stock_resultante, entry })),
  ];
}

/**
 * An `<svg>`: a step line of the stock (it holds its level until the next entry), one dot per entry
 * with its order in a tooltip, and a dashed line at `stockMinimo`.
 */
export function stockChart(entries, stockMinimo) {
  const points = stockPoints(entries);
  const root = svg('svg', { id: 'grafico', class: 'grafico', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img' });
  root.append(svg('title', {}, 'Stock a lo largo del tiempo'));
  if (points.length === 0) {
    root.append(svg('text', { x: PAD.left, y: HEIGHT / 2 }, 'Sin movimientos'));
    return root;
  }
  const start = points[0].time;
  const end = Math.max(points[points.length - 1].time, start + 1);
  const top = Math.max(1, stockMinimo, ...points.map((point) => point.stock));
  const x = (time) => PAD.left + ((time - start) / (end - start)) * (WIDTH - PAD.left - PAD.right);
  const y = (stock) => HEIGHT - PAD.bottom - (stock / top) * (HEIGHT - PAD.top - PAD.bottom);

  root.append(svg('line', { class: 'eje', x1: PAD.left, y1: y(0), x2: WIDTH - PAD.right, y2: y(0) }));
  root.append(svg('line', { class: 'eje', x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: y(0) }));
  root.append(svg('text', { x: PAD.left - 6, y: y(0) + 4, 'text-anchor': 'end' }, '0'));
  root.append(svg('text', { x: PAD.left - 6, y: y(top) + 4, 'text-anchor': 'end' }, String(top)));
  root.append(svg('line', { class: 'minimo', x1: PAD.left, y1: y(stockMinimo), x2: WIDTH - PAD.right, y2: y(stockMinimo) }));
  root.append(svg('text', { x: WIDTH - PAD.right, y: y(stockMinimo) - 4, 'text-anchor': 'end' }, `mínimo ${stockMinimo}`));

  let path = `M${x(points[0].time)},${y(points[0].stock)}`;
  for (const point of points.slice(1)) path += ` H${x(point.time)} V${y(point.stock)}`;
  path += ` H${WIDTH - PAD.right}`;
  root.append(svg('path', { class: 'linea', d: path }));

  for (const point of points.slice(1)) {
    const dot = svg('circle', { cx: x(point.time), cy: y(point.stock), r: 4 });
    dot.append(svg('title', {}, `${point.entry.tipo} ${point.entry.orden_id}: ${point.entry.cantidad > 0 ? '+' : ''}${point.entry.cantidad} → ${point.stock}`));
    root.append(dot);
  }
  const label = (time) => new Date(time).toLocaleString('es', { dateStyle: 'short', timeStyle: 'short' });
  root.append(svg('text', { x: PAD.left, y: HEIGHT - 8 }, label(start)));
  root.append(svg('text', { x: WIDTH - PAD.right, y: HEIGHT - 8, 'text-anchor': 'end' }, label(end)));
  return root;
}
