import { DEFAULT_LOCATION, type LedgerEntry, type LocationProduct, type Page, type Product, type ProductDetail } from '@inventario/inventory-core';
import { EXIT } from '../errors';
import type { ReservationRead } from '../http/reservation-read';
import { renderRecord, renderTable } from '../output/table';
import type { CommandContext } from './context';
import { reservationText } from './reservation-view';
import { exitOf } from './state-view';
import { reservationPath } from './status';

/** Options of the paginated reads. */
export interface PageOptions {
  limit?: number;
  cursor?: string;
  soloActivos?: boolean;
}

/** `products`: the inventory, one page (`--limit`, `--cursor`, `--solo-activos`). */
export async function products(context: CommandContext, options: PageOptions): Promise<number> {
  const query = pageQuery(options);
  if (options.soloActivos) query.set('solo_activos', 'true');
  const page = (await context.gatewayClient().get(withQuery('/obtener-inventario', query))).body as Page<Product>;
  context.print(page, () => `${productTable(page.data)}${nextPage(page)}`);
  return EXIT.ok;
}

/** `product <id>`: one product, and its stock per location when it has any outside CENTRAL or any held. */
export async function product(context: CommandContext, productoId: string): Promise<number> {
  const found = (await context.gatewayClient().get(`/productos/${encodeURIComponent(productoId)}`)).body as ProductDetail;
  context.print(found, () => {
    const { ubicaciones, ...fields } = found;
    const record = renderRecord({ ...fields });
    if (ubicaciones === undefined) return record;
    return record + renderTable(['ubicacion_id', 'stock', 'reservado', 'disponible'], ubicaciones.map((u) => [u.ubicacion_id, u.stock, u.reservado, u.disponible]));
  });
  return EXIT.ok;
}

/** `location <ubicacion_id>`: the products kept at a location, one page (`--limit`, `--cursor`). */
export async function location(context: CommandContext, ubicacionId: string, options: PageOptions): Promise<number> {
  const path = withQuery(`/ubicaciones/${encodeURIComponent(ubicacionId)}/productos`, pageQuery(options));
  const page = (await context.gatewayClient().get(path)).body as Page<LocationProduct>;
  context.print(page, () =>
    `${renderTable(
      ['producto_id', 'nombre', 'estado', 'stock', 'reservado', 'disponible'],
      page.data.map((p) => [p.producto_id, p.nombre, p.estado, p.stock, p.reservado, p.disponible]),
    )}${nextPage(page)}`,
  );
  return EXIT.ok;
}

/** `reservation <orden_id>`: a hold and its lines; before it exists (or when refused) its command's state. Exit 3 when refused. */
export async function reservation(context: CommandContext, ordenId: string): Promise<number> {
  const found = (await context.gatewayClient().get(reservationPath(ordenId))).body as ReservationRead;
  context.print(found, () => reservationText(found));
  return exitOf(found);
}

/** `ledger <id>`: the product's stock ledger, newest first; an entry without a location is CENTRAL's. */
export async function ledger(context: CommandContext, productoId: string, options: PageOptions): Promise<number> {
  const path = withQuery(`/productos/${encodeURIComponent(productoId)}/movimientos`, pageQuery(options));
  const page = (await context.gatewayClient().get(path)).body as Page<LedgerEntry>;
  context.print(page, () =>
    `${renderTable(
      ['fecha', 'tipo', 'orden_id', 'ubicacion_id', 'cantidad', 'stock_resultante'],
      page.data.map((e) => [e.fecha, e.tipo, e.orden_id, e.ubicacion_id ?? DEFAULT_LOCATION, e.cantidad, e.stock_resultante]),
    )}${nextPage(page)}`,
  );
  return EXIT.ok;
}

function productTable(list: Product[]): string {
  return renderTable(['producto_id', 'nombre', 'stock', 'precio', 'estado'], list.map((p) => [p.producto_id, p.nombre, p.stock, p.precio, p.estado]));
}

function pageQuery(options: PageOptions): URLSearchParams {
  const query = new URLSearchParams();
  if (options.limit !== undefined) query.set('limit', String(options.limit));
  if (options.cursor !== undefined) query.set('cursor', options.cursor);
  return query;
}

function withQuery(path: string, query: URLSearchParams): string {
  return query.size > 0 ? `${path}?${query}` : path;
}

function nextPage(page: Page<unknown>): string {
  return page.siguiente ? `more: --cursor ${page.siguiente}\n` : '';
}
