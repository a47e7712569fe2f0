import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/**
 * Wraps a function of a whole batch into an SQS handler with partial batch responses: the records it
 * reports as not `ok` are in `batchItemFailures` and delivered again; the others are acknowledged. When
 * the function throws, every record is reported. Any further arguments the handler is called with are
 * passed on to the function (`mergeConcurrentBatches` hands its `nextMayStart`).
 *
 * @example
 * export const handler = createWholeBatchHandler((records) => processCommandBatch(records, deps));
 */
export function createWholeBatchHandler<Args extends unknown[] = []>(
  processBatch: (records: SQSRecord[], ...args: Args) => Promise<readonly { messageId: string; ok: boolean }[]>,
): (event: SQSEvent, ...args: Args) => Promise<SQSBatchResponse> {
  return async (event, ...args) => {
    let failed: string[];
    try {
      failed = (await processBatch(event.Records, ...args)).filter((result) => !result.ok).map((result) => result.messageId);
    } catch {
      failed = event.Records.map((record) => record.messageId);
    }
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
