import { COMMANDS, commandPath, idInPath, type CommandEntry } from '@inventario/events';
import { findRouteTarget } from '../replay/find-service';
import { InvError, UsageError } from '../errors';
import type { StateRead } from '../http/outcome';
import type { CommandContext } from './context';
import { exitOf, stateText } from './state-view';

/**
 * `status <orden_id> [--route r]`: the command's outcome; without `--route`, every route is asked and
 * the ones that know the id answer (a hold, say, and its confirmation). Exit as `send --wait` does; 1
 * when no route knows it.
 */
export async function status(context: CommandContext, ordenId: string, options: { route?: string }): Promise<number> {
  const client = context.gatewayClient();
  const entries = options.route === undefined ? COMMANDS : [routeEntry(options.route, ordenId)];
  const found: { entry: CommandEntry; read: StateRead }[] = [];
  for (const entry of entries) {
    const answer = await client.get(statusPath(entry, ordenId), { allowNotFound: true });
    if (answer.status === 200) found.push({ entry, read: answer.body as StateRead });
  }
  if (found.length === 0) throw new InvError('NO_ENCONTRADO', `No command ${ordenId} on ${entries.map((e) => e.route).join(', ')}`);
  const reads = found.map((f) => f.read);
  context.print(reads.length === 1 ? reads[0] : reads, () => found.map((f) => stateText(f.entry, f.read)).join(''));
  return Math.max(...reads.map(exitOf));
}

/** The entry `--route` names; a step's path given with an id must name this one. */
function routeEntry(route: string, ordenId: string): CommandEntry {
  const target = findRouteTarget(route);
  if (target.ordenId !== undefined && target.ordenId !== ordenId) throw new UsageError(`--route names ${target.ordenId}, not ${ordenId}`);
  return target.entry;
}

/**
 * Where a command's outcome is read, as the gateway's `estado_url`: a step of a reservation's own path
 * (GET answers the step), the reservation read for CrearReserva, `<route>/<id>` for any other.
 */
function statusPath(entry: CommandEntry, ordenId: string): string {
  if (idInPath(entry)) return commandPath(entry, ordenId);
  if (entry.type === 'CrearReserva') return reservationPath(ordenId);
  return `${entry.route}/${encodeURIComponent(ordenId)}`;
}

/** `GET /reservas/{orden_id}`: the hold, or its command's PENDIENTE or RECHAZADA before there is one. */
export function reservationPath(ordenId: string): string {
  return `/reservas/${encodeURIComponent(ordenId)}`;
}
