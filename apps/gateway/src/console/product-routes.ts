import { productoIdSchema, type InventoryQueries, type Page, type Product } from '@inventario/inventory-core';
import type { RequestHandler, Response } from 'express';
import { MAX_PAGE_LIMIT } from '../constants';
import { callDependency, dependencyFailed, type DependencyCallContext } from '../dependency-call';
import type { ResolvedGatewayDeps } from '../gateway-deps';
import { notFound, validationError } from '../http-errors';
import { requestContext } from '../request-context';
import { parseQuery } from '../routes/query-params';
import type { ConsoleDeps } from './console-deps';
import { productDetailQuerySchema, productSearchQuerySchema } from './console-query-schemas';
import { toConsoleLedgerEntry, toConsoleProduct } from './product-views';

/** Default page of a console search. */
const DEFAULT_SEARCH_LIMIT = 20;

/**
 * Store pages one search request reads at most before it answers with what it found and a cursor to go
 * on: a rare name over a big table costs several requests, never one unbounded one.
 */
const MAX_PAGES_PER_SEARCH = 20;

/**
 * `GET /consola/api/productos?q=&limit=&cursor=`: products, paginated. A `q` that is a product id is
 * looked up directly; any other `q` keeps the products whose id or name contains it (any case); no `q`
 * lists them all.
 */
export function searchProducts(deps: ResolvedGatewayDeps, consoleDeps: ConsoleDeps): RequestHandler {
  return async (req, res) => {
    const query = parseQuery(productSearchQuerySchema, req.query);
    const limit = query.limit ?? DEFAULT_SEARCH_LIMIT;
    const q = query.q ?? '';
    const context = dependency(deps, res, 'listProducts');
    const page = productoIdSchema.safeParse(q).success
      ? await exactProduct(deps.queries, context, q)
      : await matchingProducts(deps.queries, context, { q: q.toLowerCase(), limit, cursor: query.cursor });
    res.json({
      data: page.data.map((product) => toConsoleProduct(product, consoleDeps.stockMinimo)),
      stock_minimo: consoleDeps.stockMinimo,
      ...(page.siguiente !== undefined && { siguiente: page.siguiente }),
    });
  };
}

/** `GET /consola/api/productos/:producto_id?cursor=`: the product and one page of its ledger, newest first. */
export function productDetail(deps: ResolvedGatewayDeps, consoleDeps: ConsoleDeps): RequestHandler {
  return async (req, res) => {
    const productoId = String(req.params.producto_id);
    if (!productoIdSchema.safeParse(productoId).success) throw notFound('Producto no encontrado');
    const query = parseQuery(productDetailQuerySchema, req.query);
    const product = await callDependency(dependency(deps, res, 'getProduct'), () => deps.queries.getProduct(productoId));
    if (!product) throw notFound('Producto no encontrado');
    const ledger = await readPage(dependency(deps, res, 'listMovements'), () =>
      deps.queries.listMovements(productoId, { limit: MAX_PAGE_LIMIT, ...(query.cursor !== undefined && { cursor: query.cursor }) }),
    );
    res.json({
      producto: toConsoleProduct(product, consoleDeps.stockMinimo),
      stock_minimo: consoleDeps.stockMinimo,
      movimientos: {
        data: ledger.data.map(toConsoleLedgerEntry),
        ...(ledger.siguiente !== undefined && { siguiente: ledger.siguiente }),
      },
    });
  };
}

async function exactProduct(queries: InventoryQueries, context: DependencyCallContext, productoId: string): Promise<Page<Product>> {
  const product = await callDependency(context, () => queries.getProduct(productoId));
  return { data: product ? [product] : [] };
}

/** Reads store pages of `limit` products, keeping the matches, until `limit` are found or the pages end. */
async function matchingProducts(
  queries: InventoryQueries,
  context: DependencyCallContext,
  search: { q: string; limit: number; cursor: string | undefined },
): Promise<Page<Product>> {
  const found: Product[] = [];
  let cursor = search.cursor;
  for (let pages = 0; pages < MAX_PAGES_PER_SEARCH; pages += 1) {
    const page = await readPage(context, () =>
      queries.listProducts({ limit: search.limit, soloActivos: false, ...(cursor !== undefined && { cursor }) }),
    );
    found.push(...page.data.filter((product) => matches(product, search.q)));
    cursor = page.siguiente;
    if (cursor === undefined || found.length >= search.limit) break;
  }
  return { data: found, ...(cursor !== undefined && { siguiente: cursor }) };
}

function matches(product: Product, q: string): boolean {
  return q === '' || product.producto_id.toLowerCase().includes(q) || product.nombre.toLowerCase().includes(q);
}

/** A page read; a cursor the store did not give out is the client's mistake (400 naming `cursor`). */
async function readPage<T>(context: DependencyCallContext, read: () => Promise<Page<T>>): Promise<Page<T>> {
  try {
    return await read();
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { codigo?: unknown }).codigo === 'VALIDACION') {
      throw validationError([{ campo: 'cursor', mensaje: 'is not a cursor this list gave out' }]);
    }
    throw dependencyFailed(context, error);
  }
}

function dependency(deps: ResolvedGatewayDeps, res: Response, operation: string): DependencyCallContext {
  return { logger: deps.logger, operation, correlationId: requestContext(res).correlationId };
}
