import { randomUUID } from 'node:crypto';
import { commandFingerprint, type Command, type DynamoInventoryStore } from '@inventario/inventory-core';
import { uniqueProductId } from './consumer-harness';

/** Applies a client command straight through the store, as its consumer would, at `now`. */
export async function applied(store: DynamoInventoryStore, command: Command, now = new Date()): Promise<void> {
  const { outcome } = await store.apply(command, { fingerprint: commandFingerprint(command), correlationId: `corr-${randomUUID()}`, now });
  if (outcome.estado !== 'APLICADA') throw new Error(`${command.type} ${command.ordenId} not applied: ${outcome.motivo?.codigo ?? outcome.estado}`);
}

/** A fresh product with `stock` units at CENTRAL. */
export async function stockedProduct(store: DynamoInventoryStore, stock: number): Promise<string> {
  const productoId = uniqueProductId();
  await applied(store, { type: 'OrdenCompra', ordenId: `compra-${randomUUID()}`, lines: [{ productoId, cantidad: stock, nombre: 'Tuerca', precio: 1 }] });
  return productoId;
}

/**
 * A hold of `cantidad` units of the product at CENTRAL, made at `madeAt`: one made more than the minimum
 * 60 s ago is already past its expiry, so a test never waits for one.
 */
export async function hold(store: DynamoInventoryStore, productoId: string, cantidad: number, madeAt = new Date()): Promise<string> {
  const ordenId = `reserva-${randomUUID()}`;
  await applied(store, { type: 'CrearReserva', ordenId, lines: [{ productoId, cantidad, ubicacionId: 'CENTRAL' }], expiraEnS: 60 }, madeAt);
  return ordenId;
}

/** A moment `seconds` before now. */
export function secondsAgo(seconds: number): Date {
  return new Date(Date.now() - seconds * 1000);
}
