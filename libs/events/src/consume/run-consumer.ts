import { createObservability, describeError, instrumentLambdaHandler } from '@inventario/observability';
import { loadRuntimeConfig } from '../runtime-config';
import { createConsumerRuntime } from './consumer-runtime';
import { startLocalWorker } from './local-worker';
import { processCommandMessage } from './process-command-message';
import { createSqsBatchHandler, type SqsBatchHandler } from './sqs-batch-handler';
import { RuntimeConfigError } from '../errors';

/**
 * The Lambda handler of a consumer app: configuration read and clients built once per container; JSON
 * logs with the Lambda context, EMF metrics, and X-Ray (a `## <app>` subsegment per invocation).
 *
 * @example
 * // apps/orden-compra/src/handler.ts
 * export const handler = createConsumerLambdaHandler('orden-compra');
 */
export function createConsumerLambdaHandler(app: string, env: NodeJS.ProcessEnv = process.env): SqsBatchHandler {
  const observability = createObservability(app, env);
  const { deps } = createConsumerRuntime(app, loadRuntimeConfig(env), observability);
  const handler = createSqsBatchHandler((record) => processCommandMessage(record, deps));
  const instrumented = instrumentLambdaHandler({ logger: observability.logger, tracer: observability.tracer, name: app }, handler);
  return (event, context) => (context ? instrumented(event, context) : handler(event));
}

/**
 * Runs a consumer app as a long-lived local process: long-polls its queue and calls the same handler
 * Lambda runs, until SIGINT or SIGTERM. Logs are readable lines unless `LOG_FORMAT=json`; EMF metric
 * lines only with `POWERTOOLS_METRICS_DISABLED=false`.
 */
export function runLocalConsumer(app: string, env: NodeJS.ProcessEnv = process.env): void {
  const config = loadRuntimeConfig(env);
  const runtime = createConsumerRuntime(app, config, createObservability(app, env));
  const queueUrl = runtime.queueUrl;
  if (!queueUrl) throw new RuntimeConfigError(`No queue configured for ${runtime.deps.entry.queue}`);
  const handler = createSqsBatchHandler((record) => processCommandMessage(record, runtime.deps));
  const concurrency = Number(env.WORKER_CONCURRENCY ?? 2);
  const worker = startLocalWorker({
    queueUrl,
    client: runtime.sqs,
    handler,
    region: config.region,
    concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : 2,
    onError: (error) => runtime.deps.logger.error('Queue polling failed', { error: describeError(error) }),
  });
  runtime.deps.logger.info('Consumer started', { queue: runtime.deps.entry.queue });
  const stop = () => {
    void worker.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
