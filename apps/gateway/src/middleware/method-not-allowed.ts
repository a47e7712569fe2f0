import type { RequestHandler } from 'express';
import { HttpError } from '../http-errors';

/**
 * Answers a known route called with another method: 405 `METODO_NO_PERMITIDO` with `Allow`.
 *
 * @example
 * router.route('/health').get(health).all(methodNotAllowed(['GET', 'HEAD']));
 */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  const allow = allowed.join(', ');
  return (req, _res, next) => {
    next(new HttpError(405, 'METODO_NO_PERMITIDO', `Método ${req.method} no permitido; use ${allow}`, undefined, { Allow: allow }));
  };
}
