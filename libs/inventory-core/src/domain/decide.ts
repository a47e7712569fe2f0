import type { AnyPayload } from '../command';
import type { ReservationStates } from '../reservation';
import { decideDelete } from './decide-delete';
import { decideHold } from './decide-hold';
import { decidePurchase } from './decide-purchase';
import { decideReservationStep } from './decide-reservation-step';
import { decideSale } from './decide-sale';
import { decideTransfer } from './decide-transfer';
import { decideUpdate } from './decide-update';
import type { Decision, ProductStates } from './types';

/** What the reservation commands are decided from besides the products. */
export interface DecideContext {
  /** The command's id: a hold's own, or the hold a step names. */
  ordenId: string;
  /** The reservations read, by id; a missing entry is a hold that does not exist. */
  reservations: ReservationStates;
  now: Date;
  correlationId: string;
}

const NO_CONTEXT: DecideContext = { ordenId: '', reservations: new Map(), now: new Date(0), correlationId: '' };

/**
 * Decides any command from the current state of its products (and, for a reservation's steps, of the
 * reservation) (pure: no I/O). The store reads the state, calls this, and writes the decision
 * conditioned on the state it read.
 *
 * @example
 * ```ts
 * const decision = decide(command, states);
 * if (decision.kind === 'reject') console.log(decision.rejection.codigo);
 * ```
 */
export function decide(command: AnyPayload, states: ProductStates, context: DecideContext = NO_CONTEXT): Decision {
  switch (command.type) {
    case 'OrdenCompra':
      return decidePurchase(command.lines, states);
    case 'OrdenVenta':
      return decideSale(command.lines, states);
    case 'ActualizarProducto':
      return decideUpdate(command, states);
    case 'EliminarProducto':
      return decideDelete(command, states);
    case 'TransferirStock':
      return decideTransfer(command, states);
    case 'CrearReserva':
      return decideHold(command, states, context.ordenId, context.now, context.correlationId);
    case 'ConfirmarReserva':
    case 'LiberarReserva':
    case 'ExpirarReserva':
      return decideReservationStep(command, context.ordenId, context.reservations.get(context.ordenId), states, context.now);
  }
}
