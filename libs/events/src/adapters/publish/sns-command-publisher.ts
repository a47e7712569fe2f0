import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { CommandEntry } from '../../contract/catalogue';
import { MESSAGE_ATTRIBUTES, type CommandEnvelope } from '../../contract/envelope';
import type { CommandPublisher } from '../../ports';
import { RuntimeConfigError } from '../../errors';

export interface SnsCommandPublisherOptions {
  client: SNSClient;
  /** Topic ARN by topic name. */
  topicArns: Record<string, string>;
}

/**
 * Publishes a command envelope to its catalogue topic, with its type and correlation id as message
 * attributes (raw delivery keeps them as SQS message attributes).
 *
 * @example
 * const publisher = new SnsCommandPublisher({ client: new SNSClient({}), topicArns });
 * await publisher.publish(commandEntry('OrdenVenta'), envelope);
 */
export class SnsCommandPublisher implements CommandPublisher {
  constructor(private readonly options: SnsCommandPublisherOptions) {}

  async publish(entry: CommandEntry, envelope: CommandEnvelope): Promise<{ messageId: string }> {
    const topicArn = this.options.topicArns[entry.topic];
    if (!topicArn) throw new RuntimeConfigError(`No topic ARN configured for ${entry.topic}`);
    const result = await this.options.client.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: JSON.stringify(envelope),
        MessageAttributes: {
          [MESSAGE_ATTRIBUTES.type]: { DataType: 'String', StringValue: envelope.tipo },
          [MESSAGE_ATTRIBUTES.correlationId]: { DataType: 'String', StringValue: envelope.correlation_id },
        },
      }),
    );
    return { messageId: result.MessageId ?? '' };
  }
}
