import { isValidCorrelationId } from '@inventario/events';
import type { RequestHandler } from 'express';
import { CORRELATION_ID_HEADER } from '../constants';
import { startRequestContext } from '../request-context';

/** True for a client's correlation id the gateway keeps: the contract's rule ({@link isValidCorrelationId}). */
export function isAcceptableCorrelationId(value: string | undefined): value is string {
  return value !== undefined && isValidCorrelationId(value);
}

/**
 * Gives every request a correlation id and echoes it on every response: the request's own
 * `x-correlation-id` when acceptable, else a new one. Runs first, so errors, 404s and 413s carry it too.
 *
 * @example
 * app.use(correlationId(randomUUID));
 */
export function correlationId(newId: () => string): RequestHandler {
  return (req, res, next) => {
    const sent = req.get(CORRELATION_ID_HEADER);
    const id = isAcceptableCorrelationId(sent) ? sent : newId();
    startRequestContext(res, id);
    res.set(CORRELATION_ID_HEADER, id);
    next();
  };
}
