import { PublishBatchCommand, type SNSClient } from '@aws-sdk/client-sns';
import { MESSAGE_ATTRIBUTES } from '../../contract/envelope';
import type { OutcomeEvent } from '../../contract/outcome-event';
import { OutcomePublishError } from '../../errors';

/** Publishes outcome events; throws when any of them was not published, so the caller retries. */
export interface OutcomePublisher {
  publish(events: OutcomeEvent[]): Promise<void>;
}

const SNS_BATCH_LIMIT = 10;

/**
 * Publishes outcome events to `InventarioEventos` in batches of up to 10.
 *
 * @example
 * await new SnsOutcomePublisher({ client, topicArn }).publish(outcomeEvents(outcome, context));
 */
export class SnsOutcomePublisher implements OutcomePublisher {
  constructor(private readonly options: { client: SNSClient; topicArn: string }) {}

  async publish(events: OutcomeEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += SNS_BATCH_LIMIT) {
      const batch = events.slice(start, start + SNS_BATCH_LIMIT);
      const result = await this.options.client.send(
        new PublishBatchCommand({
          TopicArn: this.options.topicArn,
          PublishBatchRequestEntries: batch.map((event, index) => ({
            Id: String(index),
            Message: JSON.stringify(event),
            MessageAttributes: {
              [MESSAGE_ATTRIBUTES.type]: { DataType: 'String', StringValue: event.tipo },
              [MESSAGE_ATTRIBUTES.correlationId]: { DataType: 'String', StringValue: event.correlation_id },
            },
          })),
        }),
      );
      if (result.Failed && result.Failed.length > 0) {
        throw new OutcomePublishError(result.Failed.length);
      }
    }
  }
}
