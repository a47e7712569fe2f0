import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createObservability, type Observability } from '@inventario/observability';
import { DynamoInventoryStore, type CommandBatchApplier } from '@inventario/inventory-core';
import { KeyRing } from '@inventario/signature';
import { commandEntryForApp, OUTCOME_TOPIC, type CommandEntry } from '../../contract/catalogue';
import type { RuntimeConfig } from '../../runtime/runtime-config';
import { assertSignatureConfigSafe } from '../../runtime/signature-startup-check';
import { SnsOutcomePublisher } from '../publish/sns-outcome-publisher';
import type { CommandConsumerDeps } from './process-command-message';
import { SqsDeadLetterQuarantine } from './quarantine';
import { RuntimeConfigError, UnknownCommandError } from '../../errors';

export interface ConsumerRuntime {
  deps: CommandConsumerDeps;
  /** The same store as `deps.applier`, for the batched path (group commit). */
  batchApplier: CommandBatchApplier;
  sqs: SQSClient;
  /** The queue a local worker polls; a Lambda function is handed its messages and needs none. */
  queueUrl: string | undefined;
}

/**
 * Builds a consumer app's real dependencies from its configuration: the DynamoDB store, the outcome
 * publisher, the dead-letter quarantine and the key ring, with the app's logger and metrics; each AWS SDK
 * client is captured by the tracer (X-Ray on Lambda, untouched elsewhere); without `observability`, local
 * defaults (readable logs, no metrics, no tracing). Called once per process (or Lambda container).
 * Like the gateway, refuses a deployed stage that would verify with the local default key.
 */
export function createConsumerRuntime(
  app: string,
  config: RuntimeConfig,
  observability: Pick<Observability, 'logger' | 'metrics' | 'tracer'> = createObservability(app, {}),
): ConsumerRuntime {
  assertSignatureConfigSafe(config);
  const entry = requireEntry(app);
  const { logger, metrics, tracer } = observability;
  const sqs = tracer.captureAWSv3Client(new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false }));
  const store = new DynamoInventoryStore({
    client: tracer.captureAWSv3Client(new DynamoDBClient({ region: config.region })),
    tables: config.tables,
    ...(config.productCacheSize !== undefined && { productCacheSize: config.productCacheSize }),
  });
  const deps: CommandConsumerDeps = {
    entry,
    applier: store,
    keyRing: KeyRing.fromSecret(config.signatureSecret),
    outcomes: new SnsOutcomePublisher({
      client: tracer.captureAWSv3Client(new SNSClient({ region: config.region })),
      topicArn: requireValue(config.topicArns, OUTCOME_TOPIC, 'topic'),
    }),
    quarantine: new SqsDeadLetterQuarantine({
      client: sqs,
      deadLetterQueueUrl: requireValue(config.queueUrls, entry.deadLetterQueue, 'queue'),
    }),
    logger,
    metrics,
    stockMinimo: config.stockMinimo,
  };
  return { deps, batchApplier: store, sqs, queueUrl: config.queueUrls[entry.queue] };
}

function requireEntry(app: string): CommandEntry {
  const entry = commandEntryForApp(app);
  if (!entry) throw new UnknownCommandError(`${app} consumes no command of the catalogue`);
  return entry;
}

function requireValue(values: Record<string, string>, name: string, kind: string): string {
  const value = values[name];
  if (!value) throw new RuntimeConfigError(`No ${kind} configured for ${name}`);
  return value;
}
