import type { RequestHandler } from 'express';
import { callDependency } from '../dependency-call';
import type { ResolvedGatewayDeps } from '../gateway-deps';
import { requestContext } from '../request-context';

/** `GET /health`: 200 while the process is up. */
export function health(): RequestHandler {
  return (_req, res) => {
    res.json({ estado: 'ok' });
  };
}

/** `GET /ready`: 200 when the store answers, else 503 `NO_DISPONIBLE` with `Retry-After`. */
export function ready(deps: ResolvedGatewayDeps): RequestHandler {
  return async (_req, res) => {
    const correlationId = requestContext(res).correlationId;
    await callDependency({ logger: deps.logger, operation: 'ping', correlationId }, () => deps.queries.ping());
    res.json({ estado: 'ok' });
  };
}

/** `GET /openapi.json`: the document, built once. */
export function openApiDocument(document: object): RequestHandler {
  return (_req, res) => {
    res.json(document);
  };
}
