import type { CommandPayload } from '../command';
import { decideDelete } from './decide-delete';
import { decidePurchase } from './decide-purchase';
import { decideSale } from './decide-sale';
import { decideUpdate } from './decide-update';
import type { Decision, ProductStates } from './types';

/**
 * Decides any command from the current state of its products (pure: no I/O). The store reads the
 * state, calls this, and writes the decision conditioned on the state it read.
 *
 * @example
 * ```ts
 * const decision = decide(command, (await readDecisionState(client, tables, key, productIdsOf(command))).states);
 * if (decision.kind === 'reject') console.log(decision.rejection.codigo);
 * ```
 */
export function decide(command: CommandPayload, states: ProductStates): Decision {
  switch (command.type) {
    case 'OrdenCompra':
      return decidePurchase(command.lines, states);
    case 'OrdenVenta':
      return decideSale(command.lines, states);
    case 'ActualizarProducto':
      return decideUpdate(command, states);
    case 'EliminarProducto':
      return decideDelete(command, states);
  }
}
