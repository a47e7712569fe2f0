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
