import { CreateTopicCommand, type SNSClient } from '@aws-sdk/client-sns';

/**
 * The ARN of the topic, created when missing (`CreateTopic` returns the existing one otherwise).
 *
 * @example
 * ```ts
 * const arn = await ensureTopic(sns, 'OrdenCompra');
 * ```
 */
export async function ensureTopic(sns: SNSClient, name: string): Promise<string> {
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: name }));
  if (!TopicArn) throw new Error(`CreateTopic ${name} returned no ARN`);
  return TopicArn;
}
