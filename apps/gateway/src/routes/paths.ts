import type { CommandEntry } from '@inventario/events';

/**
 * The routes that are not commands, in Express syntax. Command routes come from the catalogue
 * (`COMMANDS`), never from here.
 */
export const READ_PATHS = {
  inventory: '/obtener-inventario',
  product: '/productos/:producto_id',
  movements: '/productos/:producto_id/movimientos',
  health: '/health',
  ready: '/ready',
  openapi: '/openapi.json',
} as const;

/** The status route of a command type, in Express syntax: `/orden-venta/:orden_id`. */
export function commandStatusPath(entry: CommandEntry): string {
  return `${entry.route}/:orden_id`;
}

/**
 * Where a command's outcome is read: bare, so it works under any prefix, and the same for the same
 * `orden_id` on the same route.
 *
 * @example
 * estadoUrl(commandEntry('OrdenVenta'), 'A 1'); // '/orden-venta/A%201'
 */
export function estadoUrl(entry: CommandEntry, ordenId: string): string {
  return `${entry.route}/${encodeURIComponent(ordenId)}`;
}

/** An Express path as an OpenAPI path: `/productos/:producto_id` -> `/productos/{producto_id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
