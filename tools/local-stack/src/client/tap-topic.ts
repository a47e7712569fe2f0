import type { SNSClient } from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { ensureQueue } from '../provision/ensure-queue';
import { ensureRawSubscription } from '../provision/ensure-subscription';

/**
 * A queue of its own, `queueName`, subscribed to a topic with raw delivery, as another team (or a test,
 * or the bench) listens to one; resolves with the queue's URL.
 *
 * @example
 * ```ts
 * const queueUrl = await tapTopic(clients, topicArns.InventarioEventos, 'eventos-de-prueba');
 * ```
 */
export async function tapTopic(clients: { sqs: SQSClient; sns: SNSClient }, topicArn: string, queueName: string): Promise<string> {
  const queue = await ensureQueue(clients.sqs, queueName, {});
  await ensureRawSubscription(clients.sns, topicArn, queue.arn);
  return queue.url;
}
