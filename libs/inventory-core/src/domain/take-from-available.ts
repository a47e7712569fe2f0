import { DEFAULT_LOCATION } from '../command';
import type { Rejection, RejectionCode } from '../outcome';
import { locationStock, type LocationStock } from './location-stock';
import type { ProductStates, VersionedProduct } from './types';

/** When several lines fail, the command is refused with the code of the gravest failure. */
const GRAVITY: readonly RejectionCode[] = ['PRODUCTO_NO_EXISTE', 'PRODUCTO_INACTIVO', 'STOCK_INSUFICIENTE'];

/** A line that takes units out of what is available at a location (a sale's, a hold's). */
export interface TakingLine {
  productoId: string;
  cantidad: number;
  ubicacionId?: string;
}

/** The line can take its units from this product, or why not. */
export type Availability = { ok: true; product: VersionedProduct } | { ok: false; failure: Rejection };

/**
 * Whether a line can take its `cantidad` from an existing, active product at its location, out of what
 * is `disponible` there (stock minus what is held), so `disponible` never goes below zero.
 */
export function availabilityOf(line: TakingLine, states: ProductStates): Availability {
  const product = states.get(line.productoId);
  if (!product) return { ok: false, failure: { codigo: 'PRODUCTO_NO_EXISTE', mensaje: `${line.productoId}: no existe` } };
  if (!product.estado) return { ok: false, failure: { codigo: 'PRODUCTO_INACTIVO', mensaje: `${line.productoId}: inactivo` } };
  const at = locationStock(product, line.ubicacionId ?? DEFAULT_LOCATION);
  if (at.disponible < line.cantidad) return { ok: false, failure: { codigo: 'STOCK_INSUFICIENTE', mensaje: shortage(line.productoId, at, line.cantidad) } };
  return { ok: true, product };
}

/** The refusal of a command some of whose lines failed: the gravest code, every failing line named. */
export function refusalOf(failures: readonly Rejection[]): Rejection {
  const codigo = GRAVITY.find((code) => failures.some((failure) => failure.codigo === code)) ?? 'STOCK_INSUFICIENTE';
  return { codigo, mensaje: failures.map((failure) => failure.mensaje).join('; ') };
}

/**
 * Why a line is short: the old message (`PRO001: stock 3, pedido 5`) where nothing is held at CENTRAL,
 * so a client that never names a location reads what it always read.
 */
export function shortage(productoId: string, at: LocationStock, pedido: number): string {
  if (at.ubicacion_id === DEFAULT_LOCATION && at.reservado === 0) return `${productoId}: stock ${at.stock}, pedido ${pedido}`;
  const where = at.ubicacion_id === DEFAULT_LOCATION ? '' : ` en ${at.ubicacion_id}`;
  return `${productoId}${where}: disponible ${at.disponible} (stock ${at.stock}, reservado ${at.reservado}), pedido ${pedido}`;
}
