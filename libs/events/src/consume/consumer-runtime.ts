import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoInventoryStore } from '@inventario/inventory-core';
import { KeyRing } from '@inventario/signature';
import { commandEntryForApp, OUTCOME_TOPIC, type CommandEntry } from '../catalogue';
import type { RuntimeConfig } from '../runtime-config';
import { SnsOutcomePublisher } from '../outcomes/sns-outcome-publisher';
import type { CommandConsumerDeps } from './process-command-message';
import { SqsDeadLetterQuarantine } from './quarantine';

export interface ConsumerRuntime {
  deps: CommandConsumerDeps;
  sqs: SQSClient;
  queueUrl: string;
}

/**
 * Builds a consumer app's real dependencies from its configuration: the DynamoDB store, the outcome
 * publisher, the dead-letter quarantine and the key ring. Called once per process (or Lambda container).
 */
export function createConsumerRuntime(app: string, config: RuntimeConfig): ConsumerRuntime {
  const entry = requireEntry(app);
  const logger = new Logger({ serviceName: entry.app });
  const sqs = new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false });
  const deps: CommandConsumerDeps = {
    entry,
    applier: new DynamoInventoryStore({ client: new DynamoDBClient({ region: config.region }), tables: config.tables }),
    keyRing: KeyRing.fromSecret(config.signatureSecret),
    outcomes: new SnsOutcomePublisher({
      client: new SNSClient({ region: config.region }),
      topicArn: requireValue(config.topicArns, OUTCOME_TOPIC, 'topic'),
    }),
    quarantine: new SqsDeadLetterQuarantine({
      client: sqs,
      deadLetterQueueUrl: requireValue(config.queueUrls, entry.deadLetterQueue, 'queue'),
    }),
    logger,
    stockMinimo: config.stockMinimo,
  };
  return { deps, sqs, queueUrl: requireValue(config.queueUrls, entry.queue, 'queue') };
}

function requireEntry(app: string): CommandEntry {
  const entry = commandEntryForApp(app);
  if (!entry) throw new Error(`${app} consumes no command of the catalogue`);
  return entry;
}

function requireValue(values: Record<string, string>, name: string, kind: string): string {
  const value = values[name];
  if (!value) throw new Error(`No ${kind} configured for ${name}`);
  return value;
}
