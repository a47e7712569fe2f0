import { COMMANDS } from '@inventario/events';
import { findRoute } from '../replay/find-service';
import { EXIT, InvError } from '../errors';
import type { CommandOutcome } from '../http/outcome';
import { renderRecord, renderTable } from '../output/table';
import type { CommandContext } from './context';
import { outcomeText } from './outcome-view';
import { exitOf } from './send';

interface Product {
  producto_id: string;
  nombre: string;
  stock: number;
  precio: number;
  estado: boolean;
}

interface LedgerEntry {
  producto_id: string;
  orden_id: string;
  tipo: string;
  cantidad: number;
  stock_resultante: number;
  fecha: string;
}

interface PageOf<T> {
  data: T[];
  siguiente?: string;
}

/** Options of the paginated reads. */
export interface PageOptions {
  limit?: number;
  cursor?: string;
  soloActivos?: boolean;
}

/**
 * `status <orden_id> [--route r]`: the command's outcome; without `--route`, every route is asked and
 * the ones that know the id answer. Exit as `send --wait` does; 1 when no route knows it.
 */
export async function status(context: CommandContext, ordenId: string, options: { route?: string }): Promise<number> {
  const client = context.gatewayClient();
  const entries = options.route === undefined ? COMMANDS : [findRoute(options.route)];
  const found: CommandOutcome[] = [];
  for (const entry of entries) {
    const answer = await client.get(`${entry.route}/${encodeURIComponent(ordenId)}`, { allowNotFound: true });
    if (answer.status === 200) found.push(answer.body as CommandOutcome);
  }
  if (found.length === 0) throw new InvError('NO_ENCONTRADO', `No command ${ordenId} on ${entries.map((e) => e.route).join(', ')}`);
  context.print(found.length === 1 ? found[0] : found, () => found.map(outcomeText).join(''));
  return Math.max(...found.map(exitOf));
}

/** `products`: the inventory, one page (`--limit`, `--cursor`, `--solo-activos`). */
export async function products(context: CommandContext, options: PageOptions): Promise<number> {
  const query = new URLSearchParams();
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  if (options.cursor !== undefined) query.set('cursor', options.cursor);
  if (options.soloActivos) query.set('solo_activos', 'true');
  const page = (await context.gatewayClient().get(`/obtener-inventario${query.size > 0 ? `?${query}` : ''}`)).body as PageOf<Product>;
  context.print(page, () => `${productTable(page.data)}${nextPage(page)}`);
  return EXIT.ok;
}

/** `product <id>`: one product. */
export async function product(context: CommandContext, productoId: string): Promise<number> {
  const found = (await context.gatewayClient().get(`/productos/${encodeURIComponent(productoId)}`)).body as Product;
  context.print(found, () => renderRecord({ ...found }));
  return EXIT.ok;
}

/** `ledger <id>`: the product's stock ledger, newest first. */
export async function ledger(context: CommandContext, productoId: string, options: PageOptions): Promise<number> {
  const query = new URLSearchParams();
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  if (options.cursor !== undefined) query.set('cursor', options.cursor);
  const path = `/productos/${encodeURIComponent(productoId)}/movimientos${query.size > 0 ? `?${query}` : ''}`;
  const page = (await context.gatewayClient().get(path)).body as PageOf<LedgerEntry>;
  context.print(page, () =>
    `${renderTable(
      ['fecha', 'tipo', 'orden_id', 'cantidad', 'stock_resultante'],
      page.data.map((e) => [e.fecha, e.tipo, e.orden_id, e.cantidad, e.stock_resultante]),
    )}${nextPage(page)}`,
  );
  return EXIT.ok;
}

function productTable(list: Product[]): string {
  return renderTable(['producto_id', 'nombre', 'stock', 'precio', 'estado'], list.map((p) => [p.producto_id, p.nombre, p.stock, p.precio, p.estado]));
}

function nextPage(page: PageOf<unknown>): string {
  return page.siguiente ? `more: --cursor ${page.siguiente}\n` : '';
}
