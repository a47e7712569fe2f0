import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoInventoryStore, type CommandType } from '@inventario/inventory-core';
import { KeyRing, signTimestamped } from '@inventario/signature';
import { sqsRecord as sqsRecordOf } from '@inventario/local-stack';
import type { SQSRecord } from 'aws-lambda';
import { commandEntry, OUTCOME_TOPIC } from '../../src/contract/catalogue';
import type { CommandEnvelope } from '../../src/contract/envelope';
import { SnsOutcomePublisher } from '../../src/adapters/publish/sns-outcome-publisher';
import type { CommandConsumerDeps } from '../../src/adapters/consume/process-command-message';
import { SqsDeadLetterQuarantine } from '../../src/adapters/consume/quarantine';
import { loadRuntimeConfig } from '../../src/runtime/runtime-config';

/** The key the consumers under test verify with. */
export const KEY = 'consumer-harness-key';

/** Clients of the emulators the Jest global setup started. */
export function emulatorClients() {
  const config = loadRuntimeConfig(process.env);
  const sqs = new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false });
  const sns = new SNSClient({ region: config.region });
  const store = new DynamoInventoryStore({ client: new DynamoDBClient({ region: config.region }), tables: config.tables });
  return { config, sqs, sns, store, destroy: () => [sqs, sns].forEach((client) => client.destroy()) };
}

export type EmulatorClients = ReturnType<typeof emulatorClients>;

/** One line the logger under test was asked to write. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  attributes: Record<string, unknown>;
}

/** A silent Powertools logger whose every line is kept, as it was passed in. */
export function capturingLogger(): { logger: Logger; lines: LogLine[] } {
  const logger = new Logger({ serviceName: 'consumer-test', logLevel: 'SILENT' });
  const lines: LogLine[] = [];
  for (const level of ['debug', 'info', 'warn', 'error'] as const) {
    jest.spyOn(logger, level).mockImplementation((message: unknown, ...attributes: unknown[]) => {
      lines.push({ level, message: String(message), attributes: Object.assign({}, ...(attributes as object[])) });
    });
  }
  return { logger, lines };
}

/** A fresh queue of its own, to count exactly what a test sends to it. */
export async function createQueue(sqs: SQSClient, prefix: string): Promise<string> {
  const created = await sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}` }));
  return created.QueueUrl ?? '';
}

/** A fresh queue subscribed to `InventarioEventos` (raw delivery): every outcome event published from now on. */
export async function outcomeQueue(clients: EmulatorClients, prefix: string): Promise<string> {
  const queueUrl = await createQueue(clients.sqs, prefix);
  const arn = await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  await clients.sns.send(
    new SubscribeCommand({
      TopicArn: clients.config.topicArns[OUTCOME_TOPIC],
      Protocol: 'sqs',
      Endpoint: arn.Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: 'true' },
    }),
  );
  return queueUrl;
}

/** Receives and deletes everything in a queue, until it stays empty. */
export async function drain(sqs: SQSClient, queueUrl: string): Promise<Message[]> {
  const messages: Message[] = [];
  for (let emptyPolls = 0; emptyPolls < 2; ) {
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageAttributeNames: ['All'], VisibilityTimeout: 60 }),
    );
    const batch = received.Messages ?? [];
    if (batch.length === 0) {
      emptyPolls += 1;
      continue;
    }
    emptyPolls = 0;
    messages.push(...batch);
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle })),
      }),
    );
  }
  return messages;
}

/** The consumer's real dependencies against the emulators, quarantining to `deadLetterQueueUrl`. */
export function realConsumerDeps(
  clients: EmulatorClients,
  options: { type?: CommandType; deadLetterQueueUrl: string; logger: Logger; key?: string } & Partial<CommandConsumerDeps>,
): CommandConsumerDeps {
  const { type = 'OrdenCompra', deadLetterQueueUrl, key = KEY, ...overrides } = options;
  return {
    entry: commandEntry(type),
    applier: clients.store,
    keyRing: KeyRing.fromSecret(key),
    outcomes: new SnsOutcomePublisher({ client: clients.sns, topicArn: clients.config.topicArns[OUTCOME_TOPIC] ?? '' }),
    quarantine: new SqsDeadLetterQuarantine({ client: clients.sqs, deadLetterQueueUrl }),
    stockMinimo: 5,
    ...overrides,
  };
}

export { uniqueProductId } from '@inventario/local-stack';

/** An envelope of `raw` (a body as the client sent it), signed with `key` like the gateway forwards it. */
export function signedEnvelope(
  raw: string | Buffer,
  overrides: Partial<CommandEnvelope> & { key?: string } = {},
): CommandEnvelope {
  const { key = KEY, ...fields } = overrides;
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
  return {
    id: randomUUID(),
    tipo: 'OrdenCompra',
    ocurrido: new Date().toISOString(),
    correlation_id: `corr-${randomUUID()}`,
    orden_id: `orden-${randomUUID()}`,
    cuerpo: bytes.toString('base64'),
    firma: signTimestamped(key, bytes),
    ...fields,
  };
}

/** An SQS record of `body`, with its correlation id as a message attribute when given. */
export function sqsRecord(body: string, correlationId?: string): SQSRecord {
  return sqsRecordOf(body, correlationId === undefined ? {} : { correlationId });
}
