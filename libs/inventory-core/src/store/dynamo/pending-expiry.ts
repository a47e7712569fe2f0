import { PENDING_COMMAND_LIFETIME_MS, type CommandOutcome, type Rejection } from '../../outcome';
import type { CommandRecord } from './command-record';

/** The rejection of a command none of whose messages was processed within its lifetime. */
export function expiredRejection(lifetimeMs: number): Rejection {
  const days = Math.round(lifetimeMs / 86_400_000);
  return {
    codigo: 'MENSAJE_CADUCADO',
    mensaje:
      days >= 1
        ? `Ningún mensaje de la orden se procesó en ${days} días desde que se aceptó`
        : `Ningún mensaje de la orden se procesó en ${Math.round(lifetimeMs / 1000)} s desde que se aceptó`,
  };
}

/**
 * True when a record is still PENDIENTE past its lifetime, counted from when it was accepted. A record
 * without a readable acceptance time never expires: nothing tells how old it is.
 */
export function isExpiredPending(record: CommandRecord, now: Date, lifetimeMs: number = PENDING_COMMAND_LIFETIME_MS): boolean {
  if (record.outcome.estado !== 'PENDIENTE' || record.recibida === undefined) return false;
  const accepted = Date.parse(record.recibida);
  return Number.isFinite(accepted) && now.getTime() - accepted > lifetimeMs;
}

/** A record's outcome as a read shows it: an expired PENDIENTE reads as its `MENSAJE_CADUCADO` rejection. */
export function outcomeAsRead(record: CommandRecord, now: Date, lifetimeMs: number): CommandOutcome {
  if (!isExpiredPending(record, now, lifetimeMs)) return record.outcome;
  return { orden_id: record.outcome.orden_id, tipo: record.outcome.tipo, estado: 'RECHAZADA', motivo: expiredRejection(lifetimeMs) };
}
