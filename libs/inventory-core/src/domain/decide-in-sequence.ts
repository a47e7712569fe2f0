import type { StoreCommand } from '../command';
import type { Reservation, ReservationStates } from '../reservation';
import { decide } from './decide';
import { stateAfter } from './state-after';
import type { Decision, ProductStates, ReservationChange } from './types';

/** The decisions of a sequence of commands and the state they leave. */
export interface SequenceDecision {
  /** One per command, in the order given. */
  decisions: Decision[];
  /** The products after every applied decision. */
  states: ProductStates;
}

/** What each command of a sequence is decided with besides the products. */
export interface SequenceContext {
  reservations: ReservationStates;
  /** Per command, in the order given: when it is decided and the correlation id it carries. */
  at: (index: number) => { now: Date; correlationId: string };
}

const NO_RESERVATIONS: SequenceContext = { reservations: new Map(), at: () => ({ now: new Date(), correlationId: '' }) };

/**
 * Decides commands one after the other, each against the state the ones before it leave (pure: no I/O).
 * This is what makes a group of commands written in one transaction exact: the second sale of a product
 * sees the stock the first one left, so each `stock_resultante` is the one it would have had alone, in
 * order, and a line that would take stock below zero is refused as if the commands had come one by one.
 * A reservation made or settled by one command is seen so by the ones after it.
 *
 * @example
 * ```ts
 * const { decisions } = decideInSequence([sale1, sale2], states); // stock 1: sale1 applies, sale2 is refused
 * ```
 */
export function decideInSequence(
  commands: readonly StoreCommand[],
  states: ProductStates,
  context: SequenceContext = NO_RESERVATIONS,
): SequenceDecision {
  let current = states;
  const reservations = new Map(context.reservations);
  const decisions = commands.map((command, index) => {
    const { now, correlationId } = context.at(index);
    const decision = decide(command, current, { ordenId: command.ordenId, reservations, now, correlationId });
    if (decision.kind === 'apply') {
      current = stateAfter(current, decision.changes);
      // A reservation's commands are named by their hold.
      if (decision.reservation) reservations.set(command.ordenId, reservationAfter(decision.reservation, reservations, now));
    }
    return decision;
  });
  return { decisions, states: current };
}

function reservationAfter(change: ReservationChange, reservations: ReservationStates, now: Date): Reservation | undefined {
  if (change.kind === 'create') return change.reservation;
  const before = reservations.get(change.ordenId);
  return before && { ...before, estado: change.to, resuelta: now.toISOString() };
}
