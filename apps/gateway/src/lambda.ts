import { Logger } from '@aws-lambda-powertools/logger';
import { loadRuntimeConfig } from '@inventario/events';
import { createGatewayApp } from './app';
import { toLambdaHandler } from './lambda-adapter';
import { createGatewayDeps } from './runtime/create-gateway-deps';

// Built once per container: configuration read at the edge, clients reused across invocations. An unsafe
// signature configuration throws here, so the function refuses to start.
const logger = new Logger({ serviceName: 'gateway' });
const app = createGatewayApp(createGatewayDeps(loadRuntimeConfig(process.env), logger));

/** Lambda entry point: API Gateway HTTP API (payload v2) events. */
export const handler = toLambdaHandler(app);
