import type { Logger } from '@aws-lambda-powertools/logger';
import type { AppTracer } from './tracer/create-tracer';
import { loadObservabilityConfig, type ObservabilityConfig } from './config';
import { createLogger } from './logger/create-logger';
import type { CommandMetrics } from './metrics/command-metrics';
import { createCommandMetrics } from './metrics/create-command-metrics';
import { createTracer } from './tracer/create-tracer';

/** An app's logger, metrics and tracer, built together from one configuration. */
export interface Observability {
  config: ObservabilityConfig;
  logger: Logger;
  metrics: CommandMetrics;
  tracer: AppTracer;
}

/**
 * Reads the observability variables once and builds the app's logger, metrics and tracer: JSON logs,
 * EMF metrics and X-Ray on Lambda; readable logs, no metric lines and no tracing on a developer's machine
 * (see {@link loadObservabilityConfig} for the switches).
 *
 * @example
 * // apps/gateway/src/main.ts
 * const { logger, metrics, tracer } = createObservability('gateway', process.env);
 */
export function createObservability(serviceName: string, env: NodeJS.ProcessEnv): Observability {
  const config = loadObservabilityConfig(serviceName, env);
  return { config, logger: createLogger(config), metrics: createCommandMetrics(config), tracer: createTracer(config) };
}
