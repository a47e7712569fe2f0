import { randomUUID } from 'node:crypto';
import type { SQSRecord } from 'aws-lambda';

/**
 * An SQS record as Lambda hands one to a consumer, carrying `body` (first delivery; a correlation id as a
 * message attribute when given): what tests feed a consumer's handler directly.
 *
 * @example
 * ```ts
 * await processCommandMessage(sqsRecord(JSON.stringify(envelope)), deps);
 * ```
 */
export function sqsRecord(body: string, options: { correlationId?: string; queue?: string } = {}): SQSRecord {
  return {
    messageId: randomUUID(),
    receiptHandle: randomUUID(),
    body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: '', SenderId: '', ApproximateFirstReceiveTimestamp: '' },
    messageAttributes: options.correlationId === undefined ? {} : { correlation_id: { dataType: 'String', stringValue: options.correlationId } },
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${options.queue ?? 'orden-compra'}`,
    awsRegion: 'us-east-1',
  };
}
