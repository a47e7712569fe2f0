import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/** A Lambda SQS handler that reports failed records one by one (partial batch responses). */
export type SqsBatchHandler = (event: SQSEvent, context?: Context) => Promise<SQSBatchResponse>;

/**
 * Wraps a per-record function into an SQS handler with partial batch responses: a record that throws
 * is reported in `batchItemFailures` and redelivered later; the others are acknowledged.
 *
 * @example
 * export const handler = createSqsBatchHandler((record) => processCommandMessage(record, deps));
 */
export function createSqsBatchHandler(processRecord: (record: SQSRecord) => Promise<unknown>): SqsBatchHandler {
  const processor = new BatchProcessor(EventType.SQS);
  return async (event, context) =>
    processPartialResponse(event, processRecord, processor, {
      ...(context && { context }),
      // A whole failed batch is reported record by record too, the same way as a partial one.
      throwOnFullBatchFailure: false,
    });
}
