import { COMMANDS } from '../contract/catalogue';

/** The Nx project of the reservations sweeper (`ExpirarReserva`): no queue, a schedule. */
export const SWEEPER_APP = 'expirar-reservas';

/**
 * The apps that run behind the gateway: one consumer per catalogue entry, then the sweeper. Local
 * running and the local bundles derive from this list.
 *
 * @example
 * backgroundApps(); // ['orden-compra', ..., 'liberar-reserva', 'expirar-reservas']
 */
export function backgroundApps(): string[] {
  return [...COMMANDS.map((command) => command.app), SWEEPER_APP];
}
