import { PublishCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { COMMANDS } from '@inventario/events';
import type { LocalClients } from '@inventario/local-stack';

/** Delivers chosen commands twice. */
export interface Duplicator {
  /** How many envelopes were published a second time. */
  readonly published: number;
  /** Resolves once every chosen command that was accepted (per `accepted`) has been published again. */
  settle(accepted: ReadonlySet<string>, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Taps each command topic with a queue of its own and, for every command whose `orden_id` is in
 * `chosen`, publishes the very envelope the gateway published (same bytes, same attributes) to the
 * topic again: the consumer then receives that command twice, as SNS at-least-once delivery allows.
 */
export async function startDuplicator(clients: LocalClients, topics: Record<string, string>, chosen: ReadonlySet<string>): Promise<Duplicator> {
  const taps = await Promise.all(COMMANDS.map(async (entry) => ({ topicArn: topics[entry.topic] ?? '', queueUrl: await tap(clients, topics[entry.topic] ?? '', entry.queue) })));
  const done = new Set<string>();
  let published = 0;
  let running = true;

  const republish = async (topicArn: string, message: Message): Promise<void> => {
    const ordenId = orderIdOf(message.Body ?? '');
    if (ordenId === undefined || !chosen.has(ordenId) || done.has(ordenId)) return;
    done.add(ordenId);
    const attributes = Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, { DataType: value.DataType ?? 'String', StringValue: value.StringValue ?? '' }]),
    );
    await clients.sns.send(new PublishCommand({ TopicArn: topicArn, Message: message.Body ?? '', MessageAttributes: attributes }));
    published++;
  };
  const poll = async ({ topicArn, queueUrl }: { topicArn: string; queueUrl: string }): Promise<void> => {
    while (running) {
      const batch = await clients.sqs
        .send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }))
        .catch(() => ({ Messages: [] as Message[] }));
      const messages = batch.Messages ?? [];
      if (messages.length === 0) continue;
      for (const message of messages) await republish(topicArn, message);
      await clients.sqs
        .send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '' })) }))
        .catch(() => undefined);
    }
  };
  const pollers = taps.map(poll);

  return {
    get published() {
      return published;
    },
    settle: async (accepted, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      const wanted = [...chosen].filter((id) => accepted.has(id));
      while (wanted.some((id) => !done.has(id))) {
        if (Date.now() > deadline) throw new Error(`duplicates not published within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: async () => {
      running = false;
      await Promise.all(pollers);
    },
  };
}

async function tap(clients: LocalClients, topicArn: string, name: string): Promise<string> {
  const queueUrl = (await clients.sqs.send(new CreateQueueCommand({ QueueName: `caos-tap-${name}` }))).QueueUrl ?? '';
  const arn = (await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;
  await clients.sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: arn, Attributes: { RawMessageDelivery: 'true' } }));
  return queueUrl;
}

/** The `orden_id` of an envelope, if the text is one. */
export function orderIdOf(body: string): string | undefined {
  try {
    const value = JSON.parse(body) as { orden_id?: unknown };
    return typeof value.orden_id === 'string' ? value.orden_id : undefined;
  } catch {
    return undefined;
  }
}
