import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import {
  commandEntry,
  type CommandEntry,
  createConsumerRuntime,
  createSqsBatchHandler,
  processCommandMessage,
  startLocalWorker,
  type LocalWorker,
} from '@inventario/events';
import { DynamoInventoryStore, type CommandApplier } from '@inventario/inventory-core';
import { createObservability } from '@inventario/observability';
import { config, sqs, type QueuePair } from './queues';
import { TEST_KEY } from './commands';

export const store = new DynamoInventoryStore({ client: new DynamoDBClient({ region: config.region }), tables: config.tables });

/** Options of the consumers tests run in this process. */
export interface ConsumerOptions {
  /** Replaces the real store (a fault). */
  applier?: CommandApplier;
  /** Seconds before a failed message comes back; default the worker's 1, 2, 4... */
  retryDelaySeconds?: number;
  concurrency?: number;
}

/** The orden-compra consumer, in this process, on a test's queue pair. */
export function startPurchaseConsumer(pair: QueuePair, options: ConsumerOptions = {}): LocalWorker {
  return startConsumer(commandEntry('OrdenCompra'), pair, options);
}

/**
 * A catalogue entry's consumer, in this process, on the given queue and dead-letter queue, with the tests'
 * key: the app's own wiring (`createConsumerRuntime`), silent, message by message so a fault applier
 * can stand in for the store.
 */
export function startConsumer(entry: CommandEntry, pair: Pick<QueuePair, 'queueUrl' | 'deadUrl'>, options: ConsumerOptions = {}): LocalWorker {
  const runtime = createConsumerRuntime(
    entry.app,
    {
      ...config,
      queueUrls: { ...config.queueUrls, [entry.queue]: pair.queueUrl, [entry.deadLetterQueue]: pair.deadUrl },
      signatureSecret: TEST_KEY,
      stockMinimo: 5,
    },
    { ...createObservability(entry.app, {}), logger: new Logger({ serviceName: 'inv-spec', logLevel: 'SILENT' }) },
  );
  const deps = { ...runtime.deps, applier: options.applier ?? runtime.deps.applier };
  const retryDelaySeconds = options.retryDelaySeconds;
  return startLocalWorker({
    queueUrl: pair.queueUrl,
    client: sqs,
    handler: createSqsBatchHandler((record) => processCommandMessage(record, deps)),
    region: config.region,
    concurrency: options.concurrency ?? 2,
    waitTimeSeconds: 1,
    ...(retryDelaySeconds !== undefined && { retryDelaySeconds: () => retryDelaySeconds }),
  });
}

/** A store whose table cannot be reached: DynamoDB at a port nothing listens on, one attempt per call. */
export function unreachableStore(closedPort: number): DynamoInventoryStore {
  return new DynamoInventoryStore({
    client: new DynamoDBClient({ region: config.region, endpoint: `http://127.0.0.1:${closedPort}`, maxAttempts: 1 }),
    tables: config.tables,
  });
}

/** Counts calls to an applier, passing each through. */
export function countingApplier(applier: CommandApplier): CommandApplier & { calls: number } {
  const counting = {
    calls: 0,
    apply: (...args: Parameters<CommandApplier['apply']>) => {
      counting.calls += 1;
      return applier.apply(...args);
    },
    refuseUnreadable: (...args: Parameters<CommandApplier['refuseUnreadable']>) => applier.refuseUnreadable(...args),
  };
  return counting;
}

/** Releases the module's clients. */
export function destroyClients(): void {
  sqs.destroy();
}
