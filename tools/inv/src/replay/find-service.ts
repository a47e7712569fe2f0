import { COMMANDS, type CommandEntry } from '@inventario/events';
import { UnknownNameError } from '../errors';

/**
 * The catalogue entry a `<service>` names: its consumer app (`movimiento-inventario`), its queue or
 * dead-letter queue, its route (`orden-venta`, `/orden-venta`) or its type (`OrdenVenta`).
 *
 * @throws UnknownNameError listing the services there are.
 */
export function findService(name: string): CommandEntry {
  const wanted = name.trim();
  const entry = COMMANDS.find(
    (candidate) =>
      [candidate.app, candidate.queue, candidate.deadLetterQueue, candidate.type, candidate.route, candidate.route.slice(1)].includes(wanted),
  );
  if (!entry) throw new UnknownNameError(`No service ${JSON.stringify(name)}; one of: ${COMMANDS.map((c) => c.app).join(', ')}`);
  return entry;
}

/** The catalogue entry of a route (`orden-venta` or `/orden-venta`, with or without a stage prefix). */
export function findRoute(route: string): CommandEntry {
  const path = `/${route.trim().replace(/^\/+/, '')}`;
  const entry = COMMANDS.find((candidate) => path === candidate.route || path.endsWith(candidate.route));
  if (!entry) throw new UnknownNameError(`No route ${JSON.stringify(route)}; one of: ${COMMANDS.map((c) => c.route).join(', ')}`);
  return entry;
}
