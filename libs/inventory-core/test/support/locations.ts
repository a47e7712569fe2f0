import {
  commandFingerprint,
  DEFAULT_LOCATION,
  type ApplyResult,
  type DynamoInventoryStore,
  type LedgerEntry,
  type ProductDetail,
  type Command,
} from '../../src';
import { uniqueOrderId, wholeLedger } from './local-dynamodb';

/** Applies a command as a consumer would, decided at `now` (a hold made in the past expires in the past). */
export function applyAt(store: DynamoInventoryStore, command: Command, now = new Date()): Promise<ApplyResult> {
  return store.apply(command, {
    fingerprint: commandFingerprint(command),
    correlationId: `test-${command.ordenId}`,
    now,
  });
}

/** A purchase of `cantidad` units of a product at a location, creating the product when needed. */
export function purchaseAt(productoId: string, cantidad: number, ubicacionId: string): Command {
  return { type: 'OrdenCompra', ordenId: uniqueOrderId('compra'), lines: [{ productoId, cantidad, nombre: `Producto ${productoId}`, precio: 1, ubicacionId }] };
}

/** A sale of one line at a location. */
export function saleAt(productoId: string, cantidad: number, ubicacionId: string, ordenId = uniqueOrderId('venta')): Command {
  return { type: 'OrdenVenta', ordenId, lines: [{ productoId, cantidad, ubicacionId }] };
}

/** A transfer between two locations. */
export function transfer(productoId: string, desde: string, hacia: string, cantidad: number, ordenId = uniqueOrderId('traslado')): Command {
  return { type: 'TransferirStock', ordenId, productoId, desde, hacia, cantidad };
}

/** A hold of one line at CENTRAL (or `ubicacionId`). */
export function hold(productoId: string, cantidad: number, { ordenId = uniqueOrderId('reserva'), ubicacionId = DEFAULT_LOCATION, expiraEnS = 900 } = {}): Command {
  return { type: 'CrearReserva', ordenId, lines: [{ productoId, cantidad, ubicacionId }], expiraEnS };
}

/** One location's figures of a product read now. */
export async function locationOf(store: DynamoInventoryStore, productoId: string, ubicacionId: string) {
  const detail: ProductDetail | undefined = await store.getProductDetail(productoId);
  const found = detail?.ubicaciones?.find((location) => location.ubicacion_id === ubicacionId);
  // Without counts per location everything is at CENTRAL.
  const stock = ubicacionId === 'CENTRAL' ? (detail?.stock ?? 0) : 0;
  return found ?? { ubicacion_id: ubicacionId, stock, reservado: 0, disponible: stock };
}

/** The sum of the ledger's entries at each location (an entry without one is CENTRAL's). */
export async function ledgerByLocation(store: DynamoInventoryStore, productoId: string): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  for (const entry of (await wholeLedger(store, productoId)) as LedgerEntry[]) {
    const location = entry.ubicacion_id ?? DEFAULT_LOCATION;
    sums.set(location, (sums.get(location) ?? 0) + entry.cantidad);
  }
  return sums;
}
