import { ListSubscriptionsByTopicCommand, SubscribeCommand, type SNSClient } from '@aws-sdk/client-sns';

/**
 * Subscribes the queue to the topic with raw message delivery (the queue receives the published body
 * itself, not an SNS envelope), unless it is already subscribed.
 *
 * @example
 * ```ts
 * await ensureRawSubscription(sns, topicArn, queue.arn);
 * ```
 */
export async function ensureRawSubscription(sns: SNSClient, topicArn: string, queueArn: string): Promise<void> {
  let nextToken: string | undefined;
  do {
    const page = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: nextToken }));
    if (page.Subscriptions?.some((s) => s.Protocol === 'sqs' && s.Endpoint === queueArn)) return;
    nextToken = page.NextToken;
  } while (nextToken);
  await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: queueArn,
      Attributes: { RawMessageDelivery: 'true' },
      ReturnSubscriptionArn: true,
    }),
  );
}
