import type { CommandMetrics } from '@inventario/observability';
import type { RequestHandler } from 'express';
import { requestContext } from '../request-context';

/**
 * Counts every request answered 4xx by its `codigo` (`SolicitudesRechazadas`), once its response is
 * done. Accepted commands and signature failures are counted where they happen.
 *
 * @example
 * app.use(requestMetrics(metrics));
 */
export function requestMetrics(metrics: CommandMetrics): RequestHandler {
  return (_req, res, next) => {
    const context = requestContext(res);
    res.once('finish', () => {
      if (res.statusCode >= 400 && res.statusCode < 500 && context.codigo !== undefined) metrics.requestRefused(context.codigo);
    });
    next();
  };
}
