import {
  isValidOrdenId,
  isValidUbicacionId,
  productoIdSchema,
  type InventoryQueries,
  type LedgerEntry,
  type LocationProduct,
  type LocationStock,
  type Page,
  type Product,
  type ProductDetail,
} from '@inventario/inventory-core';
import type { CommandEntry } from '@inventario/events';
import type { RequestHandler, Response } from 'express';
import { MAX_PAGE_LIMIT } from '../constants';
import { callDependency, dependencyFailed, type DependencyCallContext } from '../dependency-call';
import type { ResolvedGatewayDeps } from '../gateway-deps';
import { notFound, validationError } from '../http-errors';
import { requestContext } from '../request-context';
import { inventoryQuerySchema, locationProductsQuerySchema, movementsQuerySchema, parseQuery } from './query-params';

/**
 * `GET /obtener-inventario`: one page of products.
 *
 * @example
 * router.get('/obtener-inventario', listInventory(deps)); // ?limit=50&cursor=...&solo_activos=true
 */
export function listInventory(deps: ResolvedGatewayDeps): RequestHandler {
  return async (req, res) => {
    const query = parseQuery(inventoryQuerySchema, req.query);
    const page = await readPage(dependency(deps, res, 'listProducts'), () =>
      deps.queries.listProducts({
        limit: query.limit ?? MAX_PAGE_LIMIT,
        soloActivos: query.solo_activos ?? false,
        ...(query.cursor !== undefined && { cursor: query.cursor }),
      }),
    );
    res.json({ mensaje: 'Inventario obtenido', ...pageBody(page, toProductView) });
  };
}

/** `GET /productos/:producto_id`: one product with its stock per location (CENTRAL first), or 404. */
export function getProduct(deps: ResolvedGatewayDeps): RequestHandler {
  return async (req, res) => {
    const productoId = String(req.params.producto_id);
    if (!isProductoId(productoId)) throw productNotFound();
    const product = await callDependency(dependency(deps, res, 'getProductDetail'), () => deps.queries.getProductDetail(productoId));
    if (!product) throw productNotFound();
    res.json(toProductDetailView(product));
  };
}

/**
 * `GET /ubicaciones/:ubicacion_id/productos`: one page of the products of a location, each with its
 * stock, held units and `disponible` there; 400 naming `ubicacion_id` for one that cannot be a location.
 */
export function listLocationProducts(deps: ResolvedGatewayDeps): RequestHandler {
  return async (req, res) => {
    const ubicacionId = String(req.params.ubicacion_id);
    if (!isValidUbicacionId(ubicacionId)) {
      throw validationError([{ campo: 'ubicacion_id', mensaje: 'must be 1 to 32 capital letters, digits, _ or -' }]);
    }
    const query = parseQuery(locationProductsQuerySchema, req.query);
    const page = await readPage(dependency(deps, res, 'listLocationProducts'), () =>
      deps.queries.listLocationProducts(ubicacionId, {
        limit: query.limit ?? MAX_PAGE_LIMIT,
        ...(query.cursor !== undefined && { cursor: query.cursor }),
      }),
    );
    res.json(pageBody(page, toLocationProductView));
  };
}

/**
 * `GET /productos/:producto_id/movimientos`: one page of the product's ledger, newest first; 404 when
 * there is no such product.
 */
export function listMovements(deps: ResolvedGatewayDeps): RequestHandler {
  return async (req, res) => {
    const productoId = String(req.params.producto_id);
    if (!isProductoId(productoId)) throw productNotFound();
    const query = parseQuery(movementsQuerySchema, req.query);
    await findProduct(deps.queries, dependency(deps, res, 'getProduct'), productoId);
    const page = await readPage(dependency(deps, res, 'listMovements'), () =>
      deps.queries.listMovements(productoId, {
        limit: query.limit ?? MAX_PAGE_LIMIT,
        ...(query.cursor !== undefined && { cursor: query.cursor }),
      }),
    );
    res.json(pageBody(page, toLedgerView));
  };
}

/** `GET <route>/:orden_id` (a command's `estado_url`): its outcome, or 404 (an invalid id names nothing). */
export function getCommandOutcome(entry: CommandEntry, deps: ResolvedGatewayDeps): RequestHandler {
  return async (req, res) => {
    const ordenId = String(req.params.orden_id);
    if (!isValidOrdenId(ordenId)) throw notFound('Comando no encontrado');
    requestContext(res).ordenId = ordenId;
    const outcome = await callDependency(dependency(deps, res, 'getCommand'), () =>
      deps.queries.getCommand(entry.type, ordenId),
    );
    if (!outcome) throw notFound('Comando no encontrado');
    res.json(outcome);
  };
}

function dependency(deps: ResolvedGatewayDeps, res: Response, operation: string): DependencyCallContext {
  return { logger: deps.logger, operation, correlationId: requestContext(res).correlationId };
}

function isProductoId(value: string): boolean {
  return productoIdSchema.safeParse(value).success;
}

/** The product, or 404 for an id that is malformed or names nothing. */
async function findProduct(queries: InventoryQueries, context: DependencyCallContext, productoId: string): Promise<Product> {
  if (!isProductoId(productoId)) throw productNotFound();
  const product = await callDependency(context, () => queries.getProduct(productoId));
  if (!product) throw productNotFound();
  return product;
}

/**
 * Reads a page. A store error carrying `codigo: 'VALIDACION'` (a cursor it did not give out) is the
 * client's: 400 naming `cursor`. Any other error means the store is down: 503.
 */
async function readPage<T>(context: DependencyCallContext, read: () => Promise<Page<T>>): Promise<Page<T>> {
  try {
    return await read();
  } catch (error) {
    if (hasCodigo(error, 'VALIDACION')) {
      throw validationError([{ campo: 'cursor', mensaje: 'is not a cursor this list gave out' }]);
    }
    throw dependencyFailed(context, error);
  }
}

function hasCodigo(error: unknown, codigo: string): boolean {
  return typeof error === 'object' && error !== null && (error as { codigo?: unknown }).codigo === codigo;
}

function pageBody<T, V>(page: Page<T>, view: (item: T) => V): { data: V[]; siguiente?: string } {
  return { data: page.data.map(view), ...(page.siguiente !== undefined && { siguiente: page.siguiente }) };
}

/** Exactly the contract's product fields, whatever else the store keeps. */
function toProductView(product: Product): Product {
  const { producto_id, nombre, stock, precio, estado } = product;
  return { producto_id, nombre, stock, precio, estado };
}

function toLocationStockView(location: LocationStock): LocationStock {
  const { ubicacion_id, stock, reservado, disponible } = location;
  return { ubicacion_id, stock, reservado, disponible };
}

function toProductDetailView(product: ProductDetail): ProductDetail {
  const view = toProductView(product);
  return product.ubicaciones ? { ...view, ubicaciones: product.ubicaciones.map(toLocationStockView) } : view;
}

function toLocationProductView(product: LocationProduct): LocationProduct {
  const { producto_id, nombre, estado } = product;
  return { producto_id, nombre, estado, ...toLocationStockView(product) };
}

/** Exactly the contract's ledger entry fields; `ubicacion_id` only where the store names one (not CENTRAL). */
function toLedgerView(entry: LedgerEntry): LedgerEntry {
  const { producto_id, orden_id, tipo, cantidad, stock_resultante, fecha, ubicacion_id } = entry;
  return { producto_id, orden_id, tipo, cantidad, stock_resultante, fecha, ...(ubicacion_id !== undefined && { ubicacion_id }) };
}

function productNotFound() {
  return notFound('Producto no encontrado');
}

