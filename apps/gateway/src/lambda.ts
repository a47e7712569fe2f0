import { loadRuntimeConfig } from '@inventario/events';
import { createObservability, instrumentLambdaHandler } from '@inventario/observability';
import { createGatewayApp } from './app';
import { CORRELATION_ID_HEADER } from './constants';
import { toLambdaHandler } from './lambda-adapter';
import { createGatewayDeps } from './runtime/create-gateway-deps';

// Built once per container: configuration read at the edge, clients reused across invocations. An unsafe
// signature configuration throws here, so the function refuses to start. JSON logs, EMF metrics and
// X-Ray (SDK clients captured). No rate limit in the function (each container would count only its own
// requests): the infrastructure's stage limits bound it, the HTTP API's route throttling (rate and burst)
// and the function's reserved concurrency (`infra/src/plan/stage-limits.ts`).
const { logger, metrics, tracer } = createObservability('gateway', process.env);
const deps = createGatewayDeps(loadRuntimeConfig(process.env), logger, (client) => tracer.captureAWSv3Client(client));
const app = createGatewayApp({ ...deps, metrics });

/** Lambda entry point: API Gateway HTTP API (payload v2) events. */
export const handler = instrumentLambdaHandler(
  {
    logger,
    tracer,
    name: 'gateway',
    annotate: (result) => ({ correlation_id: correlationIdOf(result) }),
  },
  toLambdaHandler(app),
);

function correlationIdOf(result: Awaited<ReturnType<ReturnType<typeof toLambdaHandler>>>): string | undefined {
  if (typeof result !== 'object' || result === null || !('headers' in result)) return undefined;
  const value = result.headers?.[CORRELATION_ID_HEADER];
  return value === undefined ? undefined : String(value);
}
