import type { HoldPayload } from '../command';
import type { RejectionCode } from '../outcome';
import { changeOf } from './change-of';
import { shortage } from './decide-sale';
import { locationStock } from './location-stock';
import type { Decision, LineChange, ProductStates } from './types';

/** As for a sale: the gravest failure names the refusal. */
const GRAVITY: readonly RejectionCode[] = ['PRODUCTO_NO_EXISTE', 'PRODUCTO_INACTIVO', 'STOCK_INSUFICIENTE'];

/**
 * Decides a hold (`CrearReserva`): every line holds `cantidad` units of an active product at its
 * location, out of what is `disponible` there (stock minus what is already held), all lines or none.
 * Holding changes no stock and writes no ledger entry; it makes the reservation ACTIVA until
 * `now + expiraEnS`.
 *
 * @example
 * ```ts
 * decideHold({ type: 'CrearReserva', lines: [{ productoId: 'PRO001', cantidad: 1, ubicacionId: 'CENTRAL' }], expiraEnS: 900 }, states, 'r-1', now, 'corr-1');
 * // { kind: 'apply', changes: [{ reservedDelta: 1, delta: 0, ... }], reservation: { kind: 'create', ... } }
 * ```
 */
export function decideHold(payload: HoldPayload, states: ProductStates, ordenId: string, now: Date, correlationId: string): Decision {
  const failures: { codigo: RejectionCode; mensaje: string }[] = [];
  const changes: LineChange[] = [];
  for (const line of payload.lines) {
    const product = states.get(line.productoId);
    if (!product) failures.push({ codigo: 'PRODUCTO_NO_EXISTE', mensaje: `${line.productoId}: no existe` });
    else if (!product.estado) failures.push({ codigo: 'PRODUCTO_INACTIVO', mensaje: `${line.productoId}: inactivo` });
    else {
      const at = locationStock(product, line.ubicacionId);
      if (at.disponible < line.cantidad) failures.push({ codigo: 'STOCK_INSUFICIENTE', mensaje: shortage(line.productoId, at, line.cantidad) });
      else changes.push(changeOf(product, 0, {}, undefined, { ubicacionId: line.ubicacionId, reservedDelta: line.cantidad }));
    }
  }
  if (failures.length > 0) {
    const codigo = GRAVITY.find((code) => failures.some((failure) => failure.codigo === code)) ?? 'STOCK_INSUFICIENTE';
    return { kind: 'reject', rejection: { codigo, mensaje: failures.map((failure) => failure.mensaje).join('; ') } };
  }
  const reservation = {
    ordenId,
    estado: 'ACTIVA' as const,
    lines: payload.lines,
    creada: now.toISOString(),
    expiraEn: new Date(now.getTime() + payload.expiraEnS * 1000).toISOString(),
    correlationId,
  };
  return { kind: 'apply', changes, reservation: { kind: 'create', reservation } };
}
