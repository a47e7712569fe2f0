import type { RequestHandler } from 'express';
import { CORRELATION_ID_HEADER } from '../constants';
import { startRequestContext } from '../request-context';

const ACCEPTED_CORRELATION_ID = /^[A-Za-z0-9\-_.:]{1,128}$/;

/** True for a client's correlation id the gateway keeps: 1 to 128 letters, digits or `-_.:`. */
export function isAcceptableCorrelationId(value: string | undefined): value is string {
  return value !== undefined && ACCEPTED_CORRELATION_ID.test(value);
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
