import { randomUUID } from 'node:crypto';
import express from 'express';
import helmet from 'helmet';
import { DISCARDED_METRICS } from '@inventario/observability';
import { CONSOLE_PATH } from './constants';
import type { GatewayDeps, ResolvedGatewayDeps } from './gateway-deps';
import { correlationId } from './middleware/correlation-id';
import { errorHandler } from './middleware/error-handler';
import { routeNotFound } from './middleware/not-found';
import { rateLimit } from './middleware/rate-limit';
import { requestLog } from './middleware/request-log';
import { requestMetrics } from './middleware/request-metrics';
import { buildOpenApi } from './openapi/build-openapi';
import { createGatewayRouter } from './routes/gateway-router';

export type { GatewayDeps } from './gateway-deps';

const STAGE_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * The HTTP gateway: signed commands in, published to their topics; reads, health and the OpenAPI
 * document. Every route answers bare and under `/${stage}`; every response carries `x-correlation-id`;
 * every error is the contract's JSON error. Security headers come from helmet; with `rateLimitPerMinute`,
 * each client IP is limited (429 `DEMASIADAS_SOLICITUDES` with `Retry-After`).
 *
 * @example
 * const app = createGatewayApp({ keyRing, allowLegacy: true, stage: 'dev', publisher, intake, queries, logger });
 * app.listen(3000);
 */
export function createGatewayApp(deps: GatewayDeps): express.Express {
  if (!STAGE_NAME.test(deps.stage)) throw new Error(`STAGE must be letters, digits, - or _ (got ${JSON.stringify(deps.stage)})`);
  const resolved: ResolvedGatewayDeps = {
    ...deps,
    now: deps.now ?? (() => new Date()),
    newId: deps.newId ?? randomUUID,
    allowV1: deps.allowV1 ?? true,
    metrics: deps.metrics ?? DISCARDED_METRICS,
    rateLimitPerMinute: deps.rateLimitPerMinute ?? 0,
  };
  if (!Number.isInteger(resolved.rateLimitPerMinute) || resolved.rateLimitPerMinute < 0) {
    throw new Error(`rateLimitPerMinute must be a whole number >= 0 (got ${resolved.rateLimitPerMinute})`);
  }

  const app = express();
  app.disable('x-powered-by');
  // No client sends If-None-Match, and Express would hash every body for it (a page of 1000 products is ~97 KB).
  app.set('etag', false);
  app.use(correlationId(resolved.newId));
  app.use(requestLog(resolved.logger));
  app.use(requestMetrics(resolved.metrics));
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(rateLimit({ perMinute: resolved.rateLimitPerMinute, now: resolved.now }));

  if (resolved.console) app.use(CONSOLE_PATH, resolved.console(resolved));
  const router = createGatewayRouter(resolved, buildOpenApi({ stage: resolved.stage }));
  app.use(`/${resolved.stage}`, router);
  app.use(router);
  app.use(routeNotFound());
  app.use(errorHandler(resolved.logger));
  return app;
}
