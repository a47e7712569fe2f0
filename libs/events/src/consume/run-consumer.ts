import { loadRuntimeConfig } from '../runtime-config';
import { createConsumerRuntime } from './consumer-runtime';
import { startLocalWorker } from './local-worker';
import { processCommandMessage } from './process-command-message';
import { createSqsBatchHandler, type SqsBatchHandler } from './sqs-batch-handler';

/**
 * The Lambda handler of a consumer app: configuration read and clients built once per container.
 *
 * @example
 * // apps/orden-compra/src/handler.ts
 * export const handler = createConsumerLambdaHandler('orden-compra');
 */
export function createConsumerLambdaHandler(app: string, env: NodeJS.ProcessEnv = process.env): SqsBatchHandler {
  const { deps } = createConsumerRuntime(app, loadRuntimeConfig(env));
  return createSqsBatchHandler((record) => processCommandMessage(record, deps));
}

/**
 * Runs a consumer app as a long-lived local process: long-polls its queue and calls the same handler
 * Lambda runs, until SIGINT or SIGTERM.
 */
export function runLocalConsumer(app: string, env: NodeJS.ProcessEnv = process.env): void {
  const config = loadRuntimeConfig(env);
  const runtime = createConsumerRuntime(app, config);
  const handler = createSqsBatchHandler((record) => processCommandMessage(record, runtime.deps));
  const concurrency = Number(env.WORKER_CONCURRENCY ?? 2);
  const worker = startLocalWorker({
    queueUrl: runtime.queueUrl,
    client: runtime.sqs,
    handler,
    region: config.region,
    concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : 2,
    onError: (error) => runtime.deps.logger.error('Queue polling failed', { error: error.message }),
  });
  runtime.deps.logger.info('Consumer started', { queue: runtime.deps.entry.queue });
  const stop = () => {
    void worker.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
