import type { SQSRecord } from 'aws-lambda';
import type { SqsBatchHandler } from './sqs-batch-handler';

/**
 * Wraps a function of a whole batch into an SQS handler with partial batch responses: the records it
 * reports as not `ok` are in `batchItemFailures` and delivered again; the others are acknowledged. When
 * the function throws, every record is reported.
 *
 * @example
 * export const handler = createWholeBatchHandler((records) => processCommandBatch(records, deps));
 */
export function createWholeBatchHandler(processBatch: (records: SQSRecord[]) => Promise<readonly { messageId: string; ok: boolean }[]>): SqsBatchHandler {
  return async (event) => {
    let failed: string[];
    try {
      failed = (await processBatch(event.Records)).filter((result) => !result.ok).map((result) => result.messageId);
    } catch {
      failed = event.Records.map((record) => record.messageId);
    }
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
