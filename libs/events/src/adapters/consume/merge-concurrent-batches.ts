import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { SqsBatchHandler } from './sqs-batch-handler';

/**
 * The handler of a merged group. It calls `nextMayStart` once the part that must not overlap the next
 * group is over (a consumer: once its transactions are committed, before it publishes their outcomes);
 * one that never calls it holds the next group back until it ends.
 */
export type GroupHandler = (event: SQSEvent, nextMayStart: () => void) => Promise<SQSBatchResponse>;

/** Options of {@link mergeConcurrentBatches}. */
export interface MergeOptions {
  /** Most records handed to the handler at once; a batch is never split. */
  maxRecords: number;
  /**
   * How long a group that is not full waits for more batches before it starts (default 0): the pollers
   * freed by the previous group need a receive to join, and without the wait every other group would be
   * only the batch of the poller that came back first. Lambda's batching window, locally.
   */
  lingerMs?: number;
}

interface Waiting {
  records: SQSRecord[];
  resolve: (response: SQSBatchResponse) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for a long-lived consumer: batches that arrive while the handler is busy wait, and are
 * then handed to it together as one batch (up to `maxRecords`), one at a time. Each caller gets back
 * the failures of its own records. Several pollers on one queue thus make one group per round instead
 * of competing groups: fewer round trips per message, and no two groups of one process racing for the
 * version of the same hot product. "One at a time" ends where the handler says (`nextMayStart`): the
 * next group is decided and written while the last one's outcomes are still being published.
 *
 * @example
 * startLocalWorker({ ..., handler: mergeConcurrentBatches(createWholeBatchHandler(process), { maxRecords: 100 }) });
 */
export function mergeConcurrentBatches(handler: GroupHandler, options: MergeOptions): SqsBatchHandler {
  const waiting: Waiting[] = [];
  let busy = false;

  const next = async (): Promise<void> => {
    if (busy || waiting.length === 0) return;
    busy = true;
    const lingerMs = options.lingerMs ?? 0;
    if (lingerMs > 0 && recordCount(waiting) < options.maxRecords) await new Promise((resolve) => setTimeout(resolve, lingerMs));
    const group = takeGroup(waiting, options.maxRecords);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      busy = false;
      void next();
    };
    try {
      const response = await handler({ Records: group.flatMap((batch) => batch.records) }, release);
      const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
      for (const batch of group) {
        batch.resolve({
          batchItemFailures: batch.records.filter((record) => failed.has(record.messageId)).map((record) => ({ itemIdentifier: record.messageId })),
        });
      }
    } catch (error) {
      for (const batch of group) batch.reject(error);
    } finally {
      release();
    }
  };

  return (event) =>
    new Promise<SQSBatchResponse>((resolve, reject) => {
      waiting.push({ records: event.Records, resolve, reject });
      void next();
    });
}

function recordCount(waiting: readonly Waiting[]): number {
  return waiting.reduce((total, batch) => total + batch.records.length, 0);
}

/** The waiting batches, oldest first, that fit in `maxRecords` together (at least one). */
function takeGroup(waiting: Waiting[], maxRecords: number): Waiting[] {
  const group: Waiting[] = [];
  let records = 0;
  while (waiting.length > 0) {
    const size = (waiting[0] as Waiting).records.length;
    if (group.length > 0 && records + size > maxRecords) break;
    group.push(waiting.shift() as Waiting);
    records += size;
  }
  return group;
}
