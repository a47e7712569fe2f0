import type { ConfirmPayload, ExpirePayload, ReleasePayload } from '../command';
import type { Rejection } from '../outcome';
import { isPastExpiry, type Reservation } from '../reservation';
import { changeOf } from './change-of';
import { stateAfter } from './state-after';
import type { Decision, LineChange, ProductStates } from './types';

type Step = ConfirmPayload | ReleasePayload | ExpirePayload;

/**
 * Decides a step of a reservation from its state at `now`:
 * - `ConfirmarReserva`: an ACTIVA hold not yet past its expiry becomes a sale: each line's held units
 *   leave the stock of its location (a `VENTA` entry), CONFIRMADA.
 * - `LiberarReserva`: an ACTIVA hold gives its units back, LIBERADA (also past its expiry, before the
 *   sweeper got to it: the units come back once either way).
 * - `ExpirarReserva` (the sweeper's): an ACTIVA hold past its expiry gives its units back, EXPIRADA.
 * Anything else is refused and changes nothing: no hold (`RESERVA_NO_EXISTE`), past its expiry
 * (`RESERVA_EXPIRADA`), already confirmed or released (`RESERVA_NO_ACTIVA`). Since every step is
 * conditioned on the hold still being ACTIVA, each held unit is sold or given back exactly once.
 *
 * @example
 * ```ts
 * decideReservationStep({ type: 'ConfirmarReserva' }, 'r-1', reservation, states, now);
 * // { kind: 'apply', changes: [{ delta: -1, reservedDelta: -1, movement: 'VENTA', ... }], reservation: { kind: 'settle', to: 'CONFIRMADA' } }
 * ```
 */
export function decideReservationStep(
  step: Step,
  ordenId: string,
  reservation: Reservation | undefined,
  states: ProductStates,
  now: Date,
): Decision {
  const refusal = refusalOf(step, ordenId, reservation, now);
  if (refusal || !reservation) return { kind: 'reject', rejection: refusal ?? missing(ordenId) };
  const sells = step.type === 'ConfirmarReserva';
  let current = states;
  const changes: LineChange[] = [];
  for (const line of reservation.lines) {
    const product = current.get(line.productoId);
    // A held unit keeps its product: it cannot be deleted from the table, only retired.
    if (!product) return { kind: 'reject', rejection: { codigo: 'PRODUCTO_NO_EXISTE', mensaje: `${line.productoId}: no existe` } };
    const change = changeOf(product, sells ? -line.cantidad : 0, {}, sells ? 'VENTA' : undefined, {
      ubicacionId: line.ubicacionId,
      reservedDelta: -line.cantidad,
    });
    changes.push(change);
    current = stateAfter(current, [change]);
  }
  const to = step.type === 'ConfirmarReserva' ? 'CONFIRMADA' : step.type === 'LiberarReserva' ? 'LIBERADA' : 'EXPIRADA';
  return { kind: 'apply', changes, reservation: { kind: 'settle', ordenId, to } };
}

function refusalOf(step: Step, ordenId: string, reservation: Reservation | undefined, now: Date): Rejection | undefined {
  if (!reservation) return missing(ordenId);
  if (reservation.estado === 'EXPIRADA') return expired(ordenId, reservation);
  if (reservation.estado !== 'ACTIVA') {
    return { codigo: 'RESERVA_NO_ACTIVA', mensaje: `reserva ${ordenId}: ya ${reservation.estado === 'CONFIRMADA' ? 'confirmada' : 'liberada'}` };
  }
  const past = isPastExpiry(reservation, now);
  if (step.type === 'ConfirmarReserva' && past) return expired(ordenId, reservation);
  if (step.type === 'ExpirarReserva' && !past) return { codigo: 'RESERVA_NO_ACTIVA', mensaje: `reserva ${ordenId}: vence ${reservation.expiraEn}` };
  return undefined;
}

function missing(ordenId: string): Rejection {
  return { codigo: 'RESERVA_NO_EXISTE', mensaje: `reserva ${ordenId}: no existe` };
}

function expired(ordenId: string, reservation: Reservation): Rejection {
  return { codigo: 'RESERVA_EXPIRADA', mensaje: `reserva ${ordenId}: venció ${reservation.expiraEn}` };
}
