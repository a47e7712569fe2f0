import { commandPath, idInPath, type CommandEntry } from '@inventario/events';

/**
 * The routes that are not commands, in Express syntax. Command routes come from the catalogue
 * (`COMMANDS`), never from here.
 */
export const READ_PATHS = {
  inventory: '/obtener-inventario',
  product: '/productos/:producto_id',
  movements: '/productos/:producto_id/movimientos',
  locationProducts: '/ubicaciones/:ubicacion_id/productos',
  health: '/health',
  ready: '/ready',
  openapi: '/openapi.json',
} as const;

/**
 * A catalogue route in Express syntax: `/reservas/{orden_id}/confirmar` -> `/reservas/:orden_id/confirmar`
 * (a route without a parameter is unchanged).
 */
export function commandRoutePath(entry: CommandEntry): string {
  return toExpressPath(entry.route);
}

/**
 * The status route of a command type, in Express syntax: `/orden-venta/:orden_id`. A route with the id in
 * its path is its own status route (POST sends the step, GET reads its outcome).
 */
export function commandStatusPath(entry: CommandEntry): string {
  return idInPath(entry) ? commandRoutePath(entry) : `${entry.route}/:orden_id`;
}

/**
 * Where a command's outcome is read: bare, so it works under any prefix, and the same for the same
 * `orden_id` on the same route. For a route with the id in its path, that very path.
 *
 * @example
 * estadoUrl(commandEntry('OrdenVenta'), 'A 1'); // '/orden-venta/A%201'
 * estadoUrl(commandEntry('ConfirmarReserva'), 'r-1'); // '/reservas/r-1/confirmar'
 */
export function estadoUrl(entry: CommandEntry, ordenId: string): string {
  return idInPath(entry) ? commandPath(entry, ordenId) : `${entry.route}/${encodeURIComponent(ordenId)}`;
}

/** An Express path as an OpenAPI path: `/productos/:producto_id` -> `/productos/{producto_id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** An OpenAPI path as an Express path: `/reservas/{orden_id}` -> `/reservas/:orden_id`. */
export function toExpressPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}
