import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../http-errors';

/** 401 `NO_AUTORIZADO`: a console API call without the console's token, or with another one. */
export function consoleUnauthorized(): HttpError {
  return new HttpError(401, 'NO_AUTORIZADO', 'La consola requiere Authorization: Bearer <CONSOLA_TOKEN>', undefined, {
    'WWW-Authenticate': 'Bearer realm="consola"',
  });
}

/**
 * Lets through only requests whose `Authorization: Bearer <token>` is the console's token, compared in
 * constant time (over digests, so the length does not show either). The header is never logged.
 *
 * @example
 * router.use('/api', requireConsoleToken(access.token), api);
 */
export function requireConsoleToken(token: string): RequestHandler {
  const expected = digest(token);
  return (req, _res, next) => {
    const presented = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim();
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) next();
    else next(consoleUnauthorized());
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
