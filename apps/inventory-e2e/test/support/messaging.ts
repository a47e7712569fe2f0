import { PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { COMMANDS, loadRuntimeConfig, OUTCOME_TOPIC, type CommandEntry, type CommandEnvelope } from '@inventario/events';

const config = () => loadRuntimeConfig(process.env);

/** Publishes an envelope straight to a command topic, as an attacker or a buggy producer could. */
export async function publishRaw(entry: CommandEntry, message: string | CommandEnvelope): Promise<void> {
  const sns = new SNSClient({ region: config().region });
  await sns.send(
    new PublishCommand({
      TopicArn: config().topicArns[entry.topic],
      Message: typeof message === 'string' ? message : JSON.stringify(message),
    }),
  );
  sns.destroy();
}

/** Receives (and, with `remove`, deletes) what sits in a queue now. */
export async function drainQueue(queueName: string, options: { remove: boolean; waitSeconds?: number }): Promise<Message[]> {
  const sqs = new SQSClient({ region: config().region, useQueueUrlAsEndpoint: false });
  const queueUrl = config().queueUrls[queueName];
  const messages: Message[] = [];
  const deadline = Date.now() + (options.waitSeconds ?? 5) * 1000;
  while (Date.now() < deadline) {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
        VisibilityTimeout: options.remove ? 30 : 0,
      }),
    );
    for (const message of received.Messages ?? []) {
      messages.push(message);
      if (options.remove) await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
    if (messages.length > 0 && (received.Messages ?? []).length === 0) break;
  }
  sqs.destroy();
  return messages;
}

export interface OutcomeListener {
  /** Waits for an outcome event that matches, among all received so far. */
  waitFor(match: (event: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  received: Record<string, unknown>[];
  stop(): Promise<void>;
}

/** Subscribes a fresh queue to `InventarioEventos`, as another team would, and collects what arrives. */
export async function listenToOutcomes(): Promise<OutcomeListener> {
  const sqs = new SQSClient({ region: config().region, useQueueUrlAsEndpoint: false });
  const sns = new SNSClient({ region: config().region });
  const created = await sqs.send(new CreateQueueCommand({ QueueName: `e2e-eventos-${Date.now()}` }));
  const queueUrl = created.QueueUrl ?? '';
  const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  await sns.send(
    new SubscribeCommand({
      TopicArn: config().topicArns[OUTCOME_TOPIC],
      Protocol: 'sqs',
      Endpoint: attributes.Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: 'true' },
    }),
  );
  const received: Record<string, unknown>[] = [];
  let running = true;
  const poll = (async () => {
    while (running) {
      const batch = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      for (const message of batch.Messages ?? []) {
        received.push(JSON.parse(message.Body ?? '{}') as Record<string, unknown>);
        await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
      }
    }
  })();
  return {
    received,
    waitFor: async (match, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('No matching outcome event arrived');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: async () => {
      running = false;
      await poll;
      sqs.destroy();
      sns.destroy();
    },
  };
}

/** Waits until no consumer queue holds a message, visible or in flight: every delivery was handled. */
export async function waitForQueuesDrained(timeoutMs = 60_000): Promise<void> {
  const sqs = new SQSClient({ region: config().region, useQueueUrlAsEndpoint: false });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const depths = await Promise.all(
        COMMANDS.map(async (entry) => {
          const result = await sqs.send(
            new GetQueueAttributesCommand({
              QueueUrl: config().queueUrls[entry.queue],
              AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
            }),
          );
          return Number(result.Attributes?.ApproximateNumberOfMessages ?? 0) + Number(result.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
        }),
      );
      if (depths.every((depth) => depth === 0)) return;
      if (Date.now() > deadline) throw new Error(`queues still hold messages: ${depths.join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    sqs.destroy();
  }
}
