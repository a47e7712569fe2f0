import type { SQSClient } from '@aws-sdk/client-sqs';
import { COMMANDS } from '@inventario/events';
import type { KeyRing } from '@inventario/signature';
import { peekMessages } from './peek-messages';
import { queueDepth } from './queue-ops';
import type { QueueUrls } from './types';

/** One row of the queue overview: a consumer's queue, or its dead-letter queue. */
export interface QueueRow {
  service: string;
  role: 'cola' | 'dlq';
  queue: string;
  visible: number;
  inFlight: number;
  /** Age of the oldest message seen, in seconds; undefined when it cannot be told. */
  oldestAgeSeconds: number | undefined;
  /** True when only some of the messages were looked at: the oldest may be older still. */
  oldestIsLowerBound: boolean;
}

/** How many dead messages the overview reads to tell the oldest one's age. */
const AGE_SAMPLE = 100;

/**
 * Every consumer queue and its dead-letter queue: visible, in flight, and for dead-letter queues the age
 * of the oldest message, read from a peek (SQS has no such queue attribute; CloudWatch's metric is not
 * read here). A consumer's live queue is never peeked, since a receive there counts towards its redrive.
 */
export async function queueOverview(sqs: SQSClient, locator: QueueUrls, keyRing: KeyRing, now: Date): Promise<QueueRow[]> {
  const rows = await Promise.all(
    COMMANDS.map(async (entry) => {
      const [queueUrl, deadUrl] = await Promise.all([locator.url(entry.queue), locator.url(entry.deadLetterQueue)]);
      const [live, dead] = await Promise.all([queueDepth(sqs, queueUrl), queueDepth(sqs, deadUrl)]);
      const sample = dead.visible > 0 ? await peekMessages(sqs, deadUrl, { max: AGE_SAMPLE, keyRing }) : [];
      const times = sample.flatMap((message) => (message.acceptedAt ? [message.acceptedAt.getTime()] : []));
      const liveRow: QueueRow = {
        service: entry.app,
        role: 'cola',
        queue: entry.queue,
        ...live,
        oldestAgeSeconds: undefined,
        oldestIsLowerBound: false,
      };
      const deadRow: QueueRow = {
        service: entry.app,
        role: 'dlq',
        queue: entry.deadLetterQueue,
        ...dead,
        oldestAgeSeconds: times.length === 0 ? undefined : Math.max(0, Math.round((now.getTime() - Math.min(...times)) / 1000)),
        oldestIsLowerBound: sample.length < dead.visible + dead.inFlight,
      };
      return [liveRow, deadRow];
    }),
  );
  return rows.flat();
}
