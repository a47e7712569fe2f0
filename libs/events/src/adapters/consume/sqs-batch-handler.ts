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
  // One processor per batch: a processor holds its batch's records and failures, so a shared one lets
  // concurrent batches (the local worker's pollers) overwrite each other's failures, acknowledging
  // messages that failed.
  return async (event, context) =>
    processPartialResponse(event, processRecord, new BatchProcessor(EventType.SQS), {
      ...(context && { context }),
      // A whole failed batch is reported record by record too, the same way as a partial one.
      throwOnFullBatchFailure: false,
    });
}
