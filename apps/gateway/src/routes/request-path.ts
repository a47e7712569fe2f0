import type { Request, Response } from 'express';
import { requestContext } from '../request-context';

/**
 * The path a command was sent to, as the client wrote it and without its query: what a `v2` signature
 * covers and what a command's envelope carries as `ruta`, so its consumer checks the same bytes. A
 * console form stands for its command route (`commandPath` in the request context).
 *
 * @example
 * requestPath(req, res); // '/dev/orden-venta' for POST /dev/orden-venta?x=1
 */
export function requestPath(req: Request, res: Response): string {
  const routed = requestContext(res).commandPath;
  if (routed !== undefined) return routed;
  const url = req.originalUrl;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
