import type { Logger } from '@aws-lambda-powertools/logger';
import type { Reservation } from '@inventario/inventory-core';
import { reservationExpiredEvent } from '../../contract/reservation-expired-event';
import type { OutcomePublisher } from '../publish/sns-outcome-publisher';

/** What a sweep needs of the store (`DynamoInventoryStore` is one). */
export interface ReservationSweepStore {
  expireDue(now: Date): Promise<Reservation[]>;
  pendingNotices(now: Date): Promise<Reservation[]>;
  markNoticePublished(ordenId: string): Promise<void>;
}

export interface SweepDeps {
  store: ReservationSweepStore;
  outcomes: OutcomePublisher;
  logger: Logger;
  now?: () => Date;
}

/** What one sweep did: holds it expired, and notices left by an earlier sweep it published. */
export interface SweepResult {
  expiradas: number;
  avisosReenviados: number;
}

/**
 * One sweep: gives back the units of the holds past their expiry (`expireDue`), publishes a
 * `ReservaExpirada` for each and takes it off the notice list; then publishes the notices an earlier
 * sweep left (it died between giving the units back and publishing). The notice list is written with the
 * expiry, so a hold is announced at least once whenever the sweeper dies; the event's `id` is the same
 * every time. Throws when the store or the publish fails (the next sweep starts over from the store).
 *
 * @example
 * await sweepReservations({ store, outcomes, logger }); // { expiradas: 2, avisosReenviados: 0 }
 */
export async function sweepReservations(deps: SweepDeps): Promise<SweepResult> {
  const now = deps.now?.() ?? new Date();
  const expired = await deps.store.expireDue(now);
  await announce(expired, deps);
  const pending = await deps.store.pendingNotices(now);
  await announce(pending, deps);
  const result = { expiradas: expired.length, avisosReenviados: pending.length };
  if (result.expiradas > 0 || result.avisosReenviados > 0) {
    deps.logger.info('Reservations swept', { expiradas: result.expiradas, avisos_reenviados: result.avisosReenviados });
  }
  return result;
}

/** Publishes the holds' events at once, then marks each published: a crash in between only repeats them. */
async function announce(reservations: readonly Reservation[], deps: SweepDeps): Promise<void> {
  if (reservations.length === 0) return;
  await deps.outcomes.publish(reservations.map(reservationExpiredEvent));
  await Promise.all(reservations.map((reservation) => deps.store.markNoticePublished(reservation.ordenId)));
  for (const reservation of reservations) deps.logger.info('Reservation expiry published', { orden_id: reservation.ordenId, correlation_id: reservation.correlationId });
}
