import { COMMANDS, idInPath, ordenIdFromPath, type CommandEntry } from '@inventario/events';
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

/** A route as given to `send` or `status`: its catalogue entry, and the id its path names, if any. */
export interface RouteTarget {
  entry: CommandEntry;
  /** The id in the path of a step's route given with it (`reservas/r-1/confirmar`); absent otherwise. */
  ordenId?: string;
}

/** The catalogue entry of a route (`orden-venta` or `/orden-venta`, with or without a stage prefix). */
export function findRoute(route: string): CommandEntry {
  return findRouteTarget(route).entry;
}

/**
 * The entry of a route, and for a step of a reservation the id its path names: `reservas/r-1/confirmar`
 * (or `/dev/reservas/r-1/confirmar`) is ConfirmarReserva for `r-1`; the route as the catalogue writes it
 * (`/reservas/{orden_id}/confirmar`) is ConfirmarReserva with no id yet.
 *
 * @throws UnknownNameError listing the routes there are.
 */
export function findRouteTarget(route: string): RouteTarget {
  const path = `/${route.trim().replace(/^\/+/, '')}`;
  for (const entry of COMMANDS.filter(idInPath)) {
    if (path === entry.route || path.endsWith(entry.route)) return { entry };
    const ordenId = ordenIdFromPath(entry, path);
    if (ordenId !== undefined) return { entry, ordenId };
  }
  const entry = COMMANDS.find((candidate) => !idInPath(candidate) && (path === candidate.route || path.endsWith(candidate.route)));
  if (!entry) throw new UnknownNameError(`No route ${JSON.stringify(route)}; one of: ${COMMANDS.map((c) => c.route).join(', ')}`);
  return { entry };
}
