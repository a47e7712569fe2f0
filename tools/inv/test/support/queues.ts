import { randomUUID } from 'node:crypto';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  SendMessageBatchCommand,
  SQSClient,
  type MessageAttributeValue,
} from '@aws-sdk/client-sqs';
import { loadRuntimeConfig, MAX_RECEIVE_COUNT, RESOURCES_ENV, type CommandEntry } from '@inventario/events';
import { queueDepth, receiveBatch, setVisibility } from '@inventario/dead-letters';
import { notYet, waitUntil } from '@inventario/local-stack';

export const config = loadRuntimeConfig(process.env);
export const sqs = new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false });

/** A service's queue and dead-letter queue of a test's own, so tests never see each other's messages. */
export interface QueuePair {
  queueUrl: string;
  deadUrl: string;
  /** The environment that points the CLI's catalogue names for `entry` at this pair. */
  env: Record<string, string>;
}

/** Creates a queue with a redrive to its own dead-letter queue after `MAX_RECEIVE_COUNT` receives. */
export async function createQueuePair(entry: CommandEntry, options: { visibilityTimeout?: number } = {}): Promise<QueuePair> {
  const tag = `inv-${randomUUID().slice(0, 8)}`;
  const deadUrl = await createQueue(`${tag}-dlq`, {});
  const deadArn = await queueArn(deadUrl);
  const queueUrl = await createQueue(tag, {
    VisibilityTimeout: String(options.visibilityTimeout ?? 30),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadArn, maxReceiveCount: MAX_RECEIVE_COUNT }),
  });
  const resources = { topics: config.topicArns, queues: { ...config.queueUrls, [entry.queue]: queueUrl, [entry.deadLetterQueue]: deadUrl } };
  return { queueUrl, deadUrl, env: { [RESOURCES_ENV]: JSON.stringify(resources) } };
}

/** A plain queue (say, a `--to` target). */
export async function createQueue(name: string, attributes: Record<string, string>): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  if (!QueueUrl) throw new Error(`no URL for ${name}`);
  return QueueUrl;
}

async function queueArn(queueUrl: string): Promise<string> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  return Attributes?.QueueArn ?? '';
}

/** A message as SNS raw delivery puts it on a queue: the envelope as body, type and correlation id as attributes. */
export interface RawMessage {
  body: string;
  attributes?: Record<string, MessageAttributeValue>;
}

/** Sends messages to a queue, 10 per call. */
export async function sendAll(queueUrl: string, messages: readonly RawMessage[]): Promise<void> {
  for (let start = 0; start < messages.length; start += 10) {
    const chunk = messages.slice(start, start + 10);
    const result = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: chunk.map((message, index) => ({
          Id: String(index),
          MessageBody: message.body,
          ...(message.attributes && { MessageAttributes: message.attributes }),
        })),
      }),
    );
    if ((result.Failed ?? []).length > 0) throw new Error(`could not send: ${JSON.stringify(result.Failed)}`);
  }
}

/**
 * The bodies a queue holds now, read without removing any: waits first until nothing is in flight
 * (within `settleMs`), then receives everything and gives it back.
 */
export async function bodiesIn(queueUrl: string, settleMs = 30_000): Promise<string[]> {
  await waitUntil(async () => ((await inFlightNow(queueUrl)) > 0 ? notYet(`${queueUrl} still has messages in flight`) : undefined), { timeoutMs: settleMs, intervalMs: 200 });
  const bodies = new Map<string, string>();
  const handles: string[] = [];
  for (;;) {
    const batch = await receiveBatch(sqs, queueUrl, { visibilitySeconds: 60, waitSeconds: 0 });
    if (batch.length === 0) break;
    for (const message of batch) {
      bodies.set(message.MessageId ?? '', message.Body ?? '');
      handles.push(message.ReceiptHandle ?? '');
    }
  }
  await setVisibility(sqs, queueUrl, handles, 0);
  return [...bodies.values()];
}

/**
 * Messages in flight now. The emulator gives back those whose visibility expired only on a receive, so
 * one comes first; the message it takes (visible again at once) is not counted.
 */
async function inFlightNow(queueUrl: string): Promise<number> {
  const taken = await receiveBatch(sqs, queueUrl, { visibilitySeconds: 0, waitSeconds: 0, max: 1 });
  return (await queueDepth(sqs, queueUrl)).inFlight - taken.length;
}

/** Waits until `condition` holds, polling; fails with `what` after `timeoutMs`. */
export async function eventually(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  await waitUntil(async () => ((await condition()) ? undefined : notYet(`Timed out waiting for ${what}`)), { timeoutMs, intervalMs: 100 });
}

/** Waits until a queue holds nothing, visible or in flight. */
export function drained(queueUrl: string, timeoutMs = 60_000): Promise<void> {
  return eventually(`${queueUrl} to be empty`, async () => {
    const depth = await queueDepth(sqs, queueUrl);
    return depth.visible + depth.inFlight === 0;
  }, timeoutMs);
}
