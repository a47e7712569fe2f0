import { createObservability, describeError, instrumentLambdaHandler } from '@inventario/observability';
import { loadRuntimeConfig } from '../../runtime/runtime-config';
import { createConsumerRuntime, type ConsumerRuntime } from './consumer-runtime';
import { startLocalWorker } from './local-worker';
import { mergeConcurrentBatches, type GroupHandler } from './merge-concurrent-batches';
import { processCommandBatch } from './process-command-batch';
import type { SqsBatchHandler } from './sqs-batch-handler';
import { createWholeBatchHandler } from './sqs-whole-batch-handler';
import { RuntimeConfigError } from '../../errors';
import { runUntilStopped, type StoppableApp } from '../../runtime/run-until-stopped';

/** Pollers per queue of a local consumer when `WORKER_CONCURRENCY` is unset: each receives up to 10 messages at a time. */
export const DEFAULT_WORKER_CONCURRENCY = 8;
/** Most messages a local consumer applies as one group (Lambda's batch size plays this part on AWS). */
export const LOCAL_GROUP_MAX_MESSAGES = 100;
/** How long a local group that is not full waits for the pollers the previous group freed. */
export const LOCAL_GROUP_LINGER_MS = 10;

/**
 * The Lambda handler of a consumer app: configuration read and clients built once per container; JSON
 * logs with the Lambda context, EMF metrics, and X-Ray (a `## <app>` subsegment per invocation). The
 * whole SQS batch is applied as one group (`processCommandBatch`), with partial batch responses.
 *
 * @example
 * // apps/orden-compra/src/handler.ts
 * export const handler = createConsumerLambdaHandler('orden-compra');
 */
export function createConsumerLambdaHandler(app: string, env: NodeJS.ProcessEnv = process.env): SqsBatchHandler {
  const observability = createObservability(app, env);
  const handler = groupCommitHandler(createConsumerRuntime(app, loadRuntimeConfig(env), observability));
  const instrumented = instrumentLambdaHandler({ logger: observability.logger, tracer: observability.tracer, name: app }, handler);
  return (event, context) => (context ? instrumented(event, context) : handler(event));
}

/**
 * Runs a consumer app as a long-lived local process: long-polls its queue and calls the same handler
 * Lambda runs, until SIGINT or SIGTERM. The batches its pollers receive while a group is being applied
 * are merged into the next group (`mergeConcurrentBatches`), so the handler gets whole batches. Logs
 * are readable lines unless `LOG_FORMAT=json`; EMF metric lines only with `POWERTOOLS_METRICS_DISABLED=false`.
 */
export function runLocalConsumer(app: string, env: NodeJS.ProcessEnv = process.env): void {
  runUntilStopped(app, startLocalConsumer(app, env));
}

/**
 * Starts a consumer app's pollers in this process (see {@link runLocalConsumer}) and returns at once;
 * `stop()` lets the groups in progress finish. For a process that hosts several apps.
 *
 * @example
 * const consumer = startLocalConsumer('orden-compra');
 * await consumer.stop();
 */
export function startLocalConsumer(app: string, env: NodeJS.ProcessEnv = process.env): StoppableApp {
  const config = loadRuntimeConfig(env);
  const runtime = createConsumerRuntime(app, config, createObservability(app, env));
  const queueUrl = runtime.queueUrl;
  if (!queueUrl) throw new RuntimeConfigError(`No queue configured for ${runtime.deps.entry.queue}`);
  const handler = mergeConcurrentBatches(pipelinedGroupHandler(runtime), { maxRecords: LOCAL_GROUP_MAX_MESSAGES, lingerMs: LOCAL_GROUP_LINGER_MS });
  const concurrency = Number(env.WORKER_CONCURRENCY ?? DEFAULT_WORKER_CONCURRENCY);
  const worker = startLocalWorker({
    queueUrl,
    client: runtime.sqs,
    handler,
    region: config.region,
    concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : DEFAULT_WORKER_CONCURRENCY,
    // A group publishing its outcomes, one being applied and a whole one waiting: the next group
    // starts as soon as the last one's transactions end.
    maxInFlight: 3 * LOCAL_GROUP_MAX_MESSAGES,
    onError: (error) => runtime.deps.logger.error('Queue polling failed', { error: describeError(error) }),
  });
  runtime.deps.logger.info('Consumer started', { queue: runtime.deps.entry.queue });
  return worker;
}

function groupCommitHandler(runtime: ConsumerRuntime): SqsBatchHandler {
  const deps = { ...runtime.deps, applier: runtime.batchApplier };
  return createWholeBatchHandler((records) => processCommandBatch(records, deps));
}

/** As {@link groupCommitHandler}, letting the next group start once this one's commands are settled. */
function pipelinedGroupHandler(runtime: ConsumerRuntime): GroupHandler {
  const deps = { ...runtime.deps, applier: runtime.batchApplier };
  return createWholeBatchHandler((records, nextMayStart: () => void) => processCommandBatch(records, deps, { onApplied: nextMayStart }));
}
