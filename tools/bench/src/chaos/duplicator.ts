import { PublishCommand } from '@aws-sdk/client-sns';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { COMMANDS } from '@inventario/events';
import { notYet, parseJsonObject, tapTopic, waitUntil, type LocalClients } from '@inventario/local-stack';

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
  const taps = await Promise.all(COMMANDS.map(async (entry) => ({ topicArn: topics[entry.topic] ?? '', queueUrl: await tapTopic(clients, topics[entry.topic] ?? '', `caos-tap-${entry.queue}`) })));
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
      const wanted = [...chosen].filter((id) => accepted.has(id));
      await waitUntil(async () => (wanted.every((id) => done.has(id)) ? undefined : notYet('duplicates not published yet')), { timeoutMs, intervalMs: 100 });
    },
    stop: async () => {
      running = false;
      await Promise.all(pollers);
    },
  };
}

/** The `orden_id` of an envelope, if the text is one. */
export function orderIdOf(body: string): string | undefined {
  const ordenId = parseJsonObject(body).orden_id;
  return typeof ordenId === 'string' ? ordenId : undefined;
}
