import type { RequestHandler } from 'express';
import { HttpError } from '../http-errors';
import { rateLimitKey } from './rate-limit-key';
import { TokenBuckets } from './token-buckets';

/** 429 `DEMASIADAS_SOLICITUDES` with `Retry-After`. */
export function tooManyRequests(retryAfterSeconds: number): HttpError {
  return new HttpError(429, 'DEMASIADAS_SOLICITUDES', 'Demasiadas solicitudes; reintente más tarde', undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
}

/**
 * Limits each client, by IP address (the socket's: `X-Forwarded-For` is not trusted, anyone can write
 * it; an IPv6 client by its /64, {@link rateLimitKey}), to `perMinute` requests per minute with a token
 * bucket ({@link TokenBuckets}, at most `maxClients` of them); over the limit it answers 429
 * `DEMASIADAS_SOLICITUDES` with `Retry-After`. `perMinute` 0 turns it off. One process counts its own
 * clients: on AWS the function runs without it, behind the HTTP API's route throttling (`infra`).
 *
 * @example
 * app.use(rateLimit({ perMinute: 6000, now: () => new Date() }));
 */
export function rateLimit(options: { perMinute: number; now: () => Date; maxClients?: number }): RequestHandler {
  if (options.perMinute === 0) return (_req, _res, next) => next();
  const buckets = new TokenBuckets(options.perMinute, options.maxClients);
  return (req, _res, next) => {
    const result = buckets.take(rateLimitKey(req.ip ?? req.socket.remoteAddress ?? 'unknown'), options.now().getTime());
    if (result.ok) next();
    else next(tooManyRequests(result.retryAfterSeconds));
  };
}
