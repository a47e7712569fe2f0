import type { HoldPayload } from '../command';
import type { Rejection } from '../outcome';
import { changeOf } from './change-of';
import { availabilityOf, refusalOf } from './take-from-available';
import type { Decision, LineChange, ProductStates } from './types';

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
  const failures: Rejection[] = [];
  const changes: LineChange[] = [];
  for (const line of payload.lines) {
    const available = availabilityOf(line, states);
    if (!available.ok) failures.push(available.failure);
    else changes.push(changeOf(available.product, 0, {}, undefined, { ubicacionId: line.ubicacionId, reservedDelta: line.cantidad }));
  }
  if (failures.length > 0) return { kind: 'reject', rejection: refusalOf(failures) };
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
