import type { CommandPayload } from '../command';
import { decide } from './decide';
import { stateAfter } from './state-after';
import type { Decision, ProductStates } from './types';

/** The decisions of a sequence of commands and the state they leave. */
export interface SequenceDecision {
  /** One per command, in the order given. */
  decisions: Decision[];
  /** The products after every applied decision. */
  states: ProductStates;
}

/**
 * Decides commands one after the other, each against the state the ones before it leave (pure: no I/O).
 * This is what makes a group of commands written in one transaction exact: the second sale of a product
 * sees the stock the first one left, so each `stock_resultante` is the one it would have had alone, in
 * order, and a line that would take stock below zero is refused as if the commands had come one by one.
 *
 * @example
 * ```ts
 * const { decisions } = decideInSequence([sale1, sale2], states); // stock 1: sale1 applies, sale2 is refused
 * ```
 */
export function decideInSequence(commands: readonly CommandPayload[], states: ProductStates): SequenceDecision {
  let current = states;
  const decisions = commands.map((command) => {
    const decision = decide(command, current);
    if (decision.kind === 'apply') current = stateAfter(current, decision.changes);
    return decision;
  });
  return { decisions, states: current };
}
