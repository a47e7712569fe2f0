import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { COMMANDS, MAX_RECEIVE_COUNT, OUTCOME_TOPIC, type CommandEntry, type Resources } from '@inventario/events';
import type { TableNames } from '@inventario/inventory-core';
import { DEAD_LETTER_RETENTION_SECONDS, QUEUE_VISIBILITY_TIMEOUT_SECONDS } from './constants';
import { createTables } from './provision/create-tables';
import { ensureQueue } from './provision/ensure-queue';
import { ensureRawSubscription } from './provision/ensure-subscription';
import { ensureTopic } from './provision/ensure-topic';

export { createTables } from './provision/create-tables';

/** Clients of the emulators (or of any account) to provision through, and the table names to use. */
export interface ProvisionTarget {
  dynamodb: DynamoDBClient;
  sns: SNSClient;
  sqs: SQSClient;
  tables: TableNames;
}

/**
 * Creates what the catalogue describes, leaving what exists alone: the tables, the four command topics and
 * `InventarioEventos`, and for each command its dead-letter queue (kept 14 days), its queue (redrive after
 * `MAX_RECEIVE_COUNT` receives, visibility 30 s) and the queue's raw-delivery subscription to its topic.
 * Running it again changes nothing and returns the same resources.
 *
 * @returns topic ARNs and queue URLs by name, the value of `INVENTARIO_RESOURCES`.
 *
 * @example
 * ```ts
 * const resources = await provision({ dynamodb, sns, sqs, tables: DEFAULT_TABLE_NAMES });
 * resources.queues['orden-compra']; // 'http://127.0.0.1:41233/000000000000/orden-compra'
 * ```
 */
export async function provision(target: ProvisionTarget): Promise<Resources> {
  const [, outcomeTopicArn, commandResources] = await Promise.all([
    createTables(target.dynamodb, target.tables),
    ensureTopic(target.sns, OUTCOME_TOPIC),
    Promise.all(COMMANDS.map((entry) => provisionCommand(target, entry))),
  ]);
  const resources: Resources = { topics: {}, queues: {} };
  for (const command of commandResources) {
    resources.topics[command.entry.topic] = command.topicArn;
    resources.queues[command.entry.queue] = command.queueUrl;
    resources.queues[command.entry.deadLetterQueue] = command.deadLetterQueueUrl;
  }
  resources.topics[OUTCOME_TOPIC] = outcomeTopicArn;
  return resources;
}

async function provisionCommand(
  { sns, sqs }: ProvisionTarget,
  entry: CommandEntry,
): Promise<{ entry: CommandEntry; topicArn: string; queueUrl: string; deadLetterQueueUrl: string }> {
  const [topicArn, deadLetterQueue] = await Promise.all([
    ensureTopic(sns, entry.topic),
    ensureQueue(sqs, entry.deadLetterQueue, { MessageRetentionPeriod: String(DEAD_LETTER_RETENTION_SECONDS) }),
  ]);
  const queue = await ensureQueue(sqs, entry.queue, {
    VisibilityTimeout: String(QUEUE_VISIBILITY_TIMEOUT_SECONDS),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetterQueue.arn, maxReceiveCount: MAX_RECEIVE_COUNT }),
  });
  await ensureRawSubscription(sns, topicArn, queue.arn);
  return { entry, topicArn, queueUrl: queue.url, deadLetterQueueUrl: deadLetterQueue.url };
}
