import type { Logger } from '@aws-lambda-powertools/logger';
import type { RequestHandler } from 'express';
import { requestContext } from '../request-context';

/**
 * Logs one structured line per request when its response is done: method, path (without the query),
 * status, duration, correlation id, and the command's `orden_id` and error `codigo` when known. Never a
 * body, a header value or a key.
 *
 * @example
 * app.use(requestLog(logger));
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const context = requestContext(res);
    const path = req.path;
    let logged = false;
    const log = () => {
      if (logged) return;
      logged = true;
      const line = {
        method: req.method,
        path,
        status: res.statusCode,
        duration_ms: Math.round((performance.now() - context.startedAt) * 10) / 10,
        correlation_id: context.correlationId,
        ...(context.ordenId !== undefined && { orden_id: context.ordenId }),
        ...(context.codigo !== undefined && { codigo: context.codigo }),
        ...(!res.writableFinished && { aborted: true }),
      };
      if (res.statusCode >= 500) logger.error('Request', line);
      else logger.info('Request', line);
    };
    res.once('finish', log);
    res.once('close', log);
    next();
  };
}
