import type { SignatureForm } from '@inventario/signature';
import { idInPath, ordenIdFromPath, type CommandEntry } from './catalogue';

/**
 * True when a path is the entry's route, bare (`/orden-venta`) or under one prefix segment
 * (`/dev/orden-venta`), byte for byte. The gateway accepts a `v2` signature only on such a path and the
 * consumer checks the envelope's `ruta` with this same function, so what one accepts the other does.
 * A route with the id in its path matches with any id there (see `ordenIdFromPath`).
 *
 * @example
 * isSignedRouteOf(commandEntry('OrdenVenta'), '/dev/orden-venta');     // true
 * isSignedRouteOf(commandEntry('OrdenVenta'), '/actualizar-producto'); // false
 */
export function isSignedRouteOf(entry: CommandEntry, path: string): boolean {
  if (idInPath(entry)) return ordenIdFromPath(entry, path) !== undefined;
  if (path === entry.route) return true;
  if (!path.endsWith(entry.route)) return false;
  return /^\/[^/?#]+$/.test(path.slice(0, path.length - entry.route.length));
}

/**
 * Whether the signature of a command on a route with the id in its path (a reservation's step) covers
 * that id: a `v2` signs the path; a `v1` or legacy signature signs the body alone, which must then name
 * the hold (`orden_id`), or one captured signature of an empty body would confirm or release any hold.
 * The gateway refuses such a request (400) and the consumer quarantines such a message, by this rule.
 *
 * @example
 * signatureCoversPathId(commandEntry('ConfirmarReserva'), 'timestamped', undefined); // false
 * signatureCoversPathId(commandEntry('ConfirmarReserva'), 'request-bound', undefined); // true
 */
export function signatureCoversPathId(entry: CommandEntry, form: SignatureForm, bodyOrdenId: string | undefined): boolean {
  return !idInPath(entry) || form === 'request-bound' || bodyOrdenId !== undefined;
}
