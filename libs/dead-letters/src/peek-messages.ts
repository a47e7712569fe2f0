import type { SQSClient } from '@aws-sdk/client-sqs';
import type { KeyRing } from '@inventario/signature';
import { decodeDeadMessage, type DeadMessage } from './dead-message';
import { receiveBatch, setVisibility, SQS_BATCH } from './queue-ops';

/** Seconds messages stay hidden while a peek reads the queue; they are given back right after. */
const PEEK_VISIBILITY_SECONDS = 30;

/**
 * Reads up to `max` messages of a queue (those `matches` keeps, when given: the rest are read past, so a
 * message is found however deep it sits) without removing any: received (which SQS counts as a receive),
 * decoded, then made visible again at once. Meant for dead-letter queues: peeking a consumer's live
 * queue would count towards its redrive.
 *
 * @example
 * ```ts
 * const dead = await peekMessages(sqs, dlqUrl, { max: 50, keyRing });
 * ```
 */
export async function peekMessages(
  sqs: SQSClient,
  queueUrl: string,
  options: { max: number; keyRing: KeyRing; matches?: (message: DeadMessage) => boolean },
): Promise<DeadMessage[]> {
  const found = new Map<string, DeadMessage>();
  const seen = new Set<string>();
  const handles: string[] = [];
  try {
    while (found.size < options.max) {
      const batch = await receiveBatch(sqs, queueUrl, {
        visibilitySeconds: PEEK_VISIBILITY_SECONDS,
        waitSeconds: found.size === 0 ? 1 : 0,
        max: Math.min(SQS_BATCH, options.max - found.size),
      });
      const fresh = batch.filter((message) => !seen.has(message.MessageId ?? ''));
      handles.push(...batch.map((message) => message.ReceiptHandle ?? ''));
      if (fresh.length === 0) break;
      for (const message of fresh) {
        seen.add(message.MessageId ?? '');
        const decoded = decodeDeadMessage(message, options.keyRing);
        if (options.matches?.(decoded) ?? true) found.set(message.MessageId ?? '', decoded);
      }
    }
  } finally {
    await setVisibility(sqs, queueUrl, handles, 0);
  }
  return [...found.values()];
}
