import { PublishBatchCommand, PublishCommand, type MessageAttributeValue, type SNSClient } from '@aws-sdk/client-sns';
import type { CommandEntry } from '../../contract/catalogue';
import { MESSAGE_ATTRIBUTES, type CommandEnvelope } from '../../contract/envelope';
import type { CommandPublisher } from '../../ports';
import { CommandPublishError, RuntimeConfigError } from '../../errors';
import type { CallOutcome } from '../coalesce/coalesce-calls';

export interface SnsCommandPublisherOptions {
  client: SNSClient;
  /** Topic ARN by topic name. */
  topicArns: Record<string, string>;
}

/** SNS's limit of entries per `PublishBatch`. */
export const COMMANDS_PER_PUBLISH = 10;

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
    const result = await this.options.client.send(
      new PublishCommand({ TopicArn: this.topicArn(entry), Message: JSON.stringify(envelope), MessageAttributes: attributesOf(envelope) }),
    );
    return { messageId: result.MessageId ?? '' };
  }

  /**
   * Publishes up to {@link COMMANDS_PER_PUBLISH} envelopes of one command in one `PublishBatch` (one alone
   * as `Publish`). Each envelope is published or not on its own: an entry SNS refuses fails alone.
   *
   * @returns one outcome per envelope, in order.
   * @throws when the call itself fails: then none is known to be published.
   */
  async publishMany(entry: CommandEntry, envelopes: readonly CommandEnvelope[]): Promise<CallOutcome<{ messageId: string }>[]> {
    const [only] = envelopes;
    if (envelopes.length === 1 && only) return [{ ok: true, value: await this.publish(entry, only) }];
    const result = await this.options.client.send(
      new PublishBatchCommand({
        TopicArn: this.topicArn(entry),
        PublishBatchRequestEntries: envelopes.map((envelope, index) => ({
          Id: String(index),
          Message: JSON.stringify(envelope),
          MessageAttributes: attributesOf(envelope),
        })),
      }),
    );
    const published = new Map((result.Successful ?? []).map((success) => [success.Id, success.MessageId ?? '']));
    const failed = new Map((result.Failed ?? []).map((failure) => [failure.Id, failure]));
    return envelopes.map((_, index): CallOutcome<{ messageId: string }> => {
      const messageId = published.get(String(index));
      if (messageId !== undefined) return { ok: true, value: { messageId } };
      const failure = failed.get(String(index));
      return { ok: false, error: new CommandPublishError(failure?.Code ?? 'NotAnswered', failure?.Message) };
    });
  }

  private topicArn(entry: CommandEntry): string {
    const topicArn = this.options.topicArns[entry.topic];
    if (!topicArn) throw new RuntimeConfigError(`No topic ARN configured for ${entry.topic}`);
    return topicArn;
  }
}

function attributesOf(envelope: CommandEnvelope): Record<string, MessageAttributeValue> {
  return {
    [MESSAGE_ATTRIBUTES.type]: { DataType: 'String', StringValue: envelope.tipo },
    [MESSAGE_ATTRIBUTES.correlationId]: { DataType: 'String', StringValue: envelope.correlation_id },
  };
}
