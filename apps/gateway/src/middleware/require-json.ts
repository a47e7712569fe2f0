import type { RequestHandler } from 'express';
import { HttpError } from '../http-errors';

/** `application/json` or any `application/<something>+json`, parameters (charset...) aside. */
const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9!#$&^_.-]+\+)?json$/i;

/**
 * Tells whether a `Content-Type` header names JSON. A missing (or empty) header is read as JSON, as the
 * old clients often send none.
 *
 * @example
 * isJsonContentType('application/json; charset=utf-8'); // true
 * isJsonContentType('application/problem+json');        // true
 * isJsonContentType('text/plain');                      // false
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined || header.trim() === '') return true;
  const mediaType = (header.split(';', 1)[0] ?? '').trim();
  return JSON_MEDIA_TYPE.test(mediaType);
}

/** Refuses a command whose `Content-Type` is not JSON with 415 `TIPO_NO_SOPORTADO`. */
export function requireJson(): RequestHandler {
  return (req, _res, next) => {
    if (isJsonContentType(req.get('content-type'))) next();
    else next(new HttpError(415, 'TIPO_NO_SOPORTADO', 'Content-Type debe ser application/json'));
  };
}
