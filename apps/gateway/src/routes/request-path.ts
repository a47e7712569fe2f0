import type { Request } from 'express';

/**
 * The path a request was sent to, as the client wrote it and without its query: what a `v2` signature
 * covers and what a command's envelope carries as `ruta`, so its consumer checks the same bytes.
 *
 * @example
 * requestPath(req); // '/dev/orden-venta' for POST /dev/orden-venta?x=1
 */
export function requestPath(req: Request): string {
  const url = req.originalUrl;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
