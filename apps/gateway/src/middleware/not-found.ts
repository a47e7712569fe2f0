import type { RequestHandler } from 'express';
import { notFound } from '../http-errors';

/** The last route: anything no route answered is 404 `NO_ENCONTRADO`. */
export function routeNotFound(): RequestHandler {
  return (_req, _res, next) => next(notFound());
}
