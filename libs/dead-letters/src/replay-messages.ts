import {
  DeleteMessageBatchCommand,
  SendMessageBatchCommand,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { KeyRing } from '@inventario/signature';
import { decodeDeadMessage, QUARANTINE_ATTRIBUTES, type DeadMessage } from './dead-message';
import { pause } from './pause';
import { queueDepth, receiveBatch, setVisibility, SQS_BATCH } from './queue-ops';
import type { MessageFilter } from './types';

/** What to move where, and how. */
export interface ReplayPlan {
  sqs: SQSClient;
  /** The dead-letter queue. */
  sourceUrl: string;
  /** Where messages go back to: the consumer's queue, or another the operator names. */
  targetUrl: string;
  /** To check each message's signature. */
  keyRing: KeyRing;
  filter: MessageFilter;
  /** Move at most this many. */
  max: number | undefined;
  /** Messages per second, at most. */
  ratePerSecond: number | undefined;
  /** Look and report; send and delete nothing. */
  dryRun: boolean;
  /** Move messages whose signature fails, or that a consumer quarantined, too. */
  includeTampered: boolean;
  /** How long a received batch stays hidden while it is sent and deleted; a stopped run's batch is back after this. */
  batchVisibilitySeconds: number;
  /**
   * How long messages looked at but not moved stay hidden, renewed while the run goes on, so it does not
   * see them again; after a kill they are back within this time.
   */
  holdSeconds: number;
  /** At the end, how long to wait for messages another reader (say, a killed run) still hides. */
  settleSeconds: number;
  /** Aborted: stop after the batch in hand. */
  stopSignal: AbortSignal;
  now: () => Date;
  /** Called after each batch. */
  onProgress?: (progress: ReplayProgress) => void;
}

/** How far a replay has got. */
export interface ReplayProgress {
  /** Messages in the dead-letter queue when the run started (approximate). */
  total: number;
  examined: number;
  moved: number;
}

/** What a replay did. */
export interface ReplayReport {
  dryRun: boolean;
  /** Sent to the target and deleted from the dead-letter queue (with `dryRun`: would be). */
  moved: DeadMessage[];
  /** Sent, but the delete failed: in both queues now. The consumer applies a command once, so this is harmless. */
  duplicated: DeadMessage[];
  /** Not sent: still in the dead-letter queue. */
  failed: { message: DeadMessage; error: string }[];
  /** Signature fails or quarantined: left in the dead-letter queue (unless `includeTampered`). */
  heldTampered: DeadMessage[];
  /** Did not match the filters: left in the dead-letter queue. */
  skipped: number;
  /** Stopped by the user before the queue was done. */
  interrupted: boolean;
  /** Messages another reader still hid at the end, not looked at. */
  inFlightElsewhere: number;
  /** The SQS error that ended the run early, if one did. */
  error: string | undefined;
}

/** Consecutive batches with nothing new after which the run ends: only its own held messages come back. */
const QUIET_BATCHES_TO_END = 3;

/**
 * Moves dead messages back, 10 at a time: receive a batch (hidden for `batchVisibilitySeconds`), send
 * the chosen ones to the target, then delete from the dead-letter queue exactly those the target
 * acknowledged. Whatever stops it, each message is in one queue or, if the stop fell between a send and
 * its delete, in both; never in neither. Messages it looks at but does not move are hidden while it runs
 * and given back at the end.
 *
 * @example
 * ```ts
 * const report = await replayMessages({ sqs, sourceUrl: dlq, targetUrl: queue, keyRing, filter: () => true, ... });
 * ```
 */
export async function replayMessages(plan: ReplayPlan): Promise<ReplayReport> {
  const report: ReplayReport = {
    dryRun: plan.dryRun,
    moved: [],
    duplicated: [],
    failed: [],
    heldTampered: [],
    skipped: 0,
    interrupted: false,
    inFlightElsewhere: 0,
    error: undefined,
  };
  const held = new Map<string, string>();
  const seen = new Set<string>();
  const startedAt = Date.now();
  let total = 0;
  let quiet = 0;
  let settleUntil: number | undefined;
  let heldSince = Date.now();

  try {
    total = (await queueDepth(plan.sqs, plan.sourceUrl)).visible;
    while (!plan.stopSignal.aborted) {
      const remaining = plan.max === undefined ? SQS_BATCH : plan.max - report.moved.length - report.duplicated.length;
      if (remaining <= 0) break;
      const perSecond = plan.ratePerSecond === undefined ? SQS_BATCH : Math.ceil(plan.ratePerSecond);
      const received = await receiveBatch(plan.sqs, plan.sourceUrl, {
        visibilitySeconds: plan.batchVisibilitySeconds,
        waitSeconds: 1,
        max: Math.min(SQS_BATCH, remaining, perSecond),
      });
      if (received.length === 0) {
        const waiting = await othersHold(plan, held.size);
        if (waiting > 0) {
          settleUntil ??= Date.now() + plan.settleSeconds * 1000;
          if (Date.now() < settleUntil) {
            await pause(1000, plan.stopSignal);
            continue;
          }
          report.inFlightElsewhere = waiting;
        }
        break;
      }
      const again = received.filter((message) => seen.has(message.MessageId ?? ''));
      const fresh = received.filter((message) => !seen.has(message.MessageId ?? ''));
      for (const message of again) held.set(message.MessageId ?? '', message.ReceiptHandle ?? '');
      const toHold = again.map((message) => message.ReceiptHandle ?? '');

      const chosen: DeadMessage[] = [];
      for (const message of fresh) {
        seen.add(message.MessageId ?? '');
        const dead = decodeDeadMessage(message, plan.keyRing);
        const keep = (): void => {
          held.set(dead.messageId, dead.receiptHandle);
          toHold.push(dead.receiptHandle);
        };
        if (dead.tampered && !plan.includeTampered) {
          report.heldTampered.push(dead);
          keep();
        } else if (!plan.filter(dead, plan.now())) {
          report.skipped += 1;
          keep();
        } else if (plan.dryRun) {
          report.moved.push(dead);
          keep();
        } else {
          chosen.push(dead);
        }
      }
      await setVisibility(plan.sqs, plan.sourceUrl, toHold, plan.holdSeconds);
      if (Date.now() - heldSince > (plan.holdSeconds * 1000) / 2) {
        // A long run: keep what it holds hidden a while longer, so it never sees those messages again.
        await setVisibility(plan.sqs, plan.sourceUrl, [...held.values()], plan.holdSeconds);
        heldSince = Date.now();
      }
      for (const message of await sendThenDelete(plan, chosen, report)) {
        held.set(message.messageId, message.receiptHandle);
      }

      quiet = fresh.length === 0 ? quiet + 1 : 0;
      plan.onProgress?.({ total, examined: seen.size, moved: report.moved.length + report.duplicated.length });
      if (quiet >= QUIET_BATCHES_TO_END) break;
      await keepRate(plan, startedAt, report.moved.length + report.duplicated.length);
    }
    report.interrupted = plan.stopSignal.aborted;
  } catch (error) {
    report.error = (error as Error).message;
  } finally {
    await setVisibility(plan.sqs, plan.sourceUrl, [...held.values()], 0);
  }
  return report;
}

/** What one SendMessageBatch may carry in all (SQS: 1 MiB), less room for the request's own fields. */
const BATCH_BYTES = 1_000_000;

/**
 * Sends the chosen messages (one batch, or more when together they are too big for one), then deletes
 * from the dead-letter queue exactly those the target took.
 *
 * @returns the messages still in the dead-letter queue, to give back at the end.
 */
async function sendThenDelete(plan: ReplayPlan, chosen: DeadMessage[], report: ReplayReport): Promise<DeadMessage[]> {
  const unsent: DeadMessage[] = [];
  for (const group of bySize(chosen, BATCH_BYTES)) unsent.push(...(await sendGroupThenDelete(plan, group, report)));
  return unsent;
}

async function sendGroupThenDelete(plan: ReplayPlan, chosen: DeadMessage[], report: ReplayReport): Promise<DeadMessage[]> {
  let sent: DeadMessage[];
  const unsent: DeadMessage[] = [];
  try {
    const result = await plan.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: plan.targetUrl,
        Entries: chosen.map((message, index) => ({
          Id: String(index),
          MessageBody: message.body,
          MessageAttributes: replayedAttributes(message.attributes),
        })),
      }),
    );
    const ok = new Set((result.Successful ?? []).map((entry) => entry.Id));
    sent = chosen.filter((_, index) => ok.has(String(index)));
    for (const failure of result.Failed ?? []) {
      const message = chosen[Number(failure.Id)];
      if (!message) continue;
      report.failed.push({ message, error: failure.Message ?? failure.Code ?? 'send failed' });
      unsent.push(message);
    }
  } catch (error) {
    for (const message of chosen) report.failed.push({ message, error: (error as Error).message });
    return chosen;
  }
  if (sent.length === 0) return unsent;
  try {
    const result = await plan.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: plan.sourceUrl,
        Entries: sent.map((message, index) => ({ Id: String(index), ReceiptHandle: message.receiptHandle })),
      }),
    );
    const notDeleted = new Set((result.Failed ?? []).map((entry) => entry.Id));
    sent.forEach((message, index) => (notDeleted.has(String(index)) ? report.duplicated : report.moved).push(message));
  } catch {
    report.duplicated.push(...sent);
  }
  return unsent;
}

/** Consecutive groups whose bodies and attributes together stay within `limit` bytes (a bigger message goes alone). */
function bySize(messages: DeadMessage[], limit: number): DeadMessage[][] {
  const groups: DeadMessage[][] = [];
  let current: DeadMessage[] = [];
  let size = 0;
  for (const message of messages) {
    const bytes = sizeOf(message);
    if (current.length > 0 && size + bytes > limit) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(message);
    size += bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function sizeOf(message: DeadMessage): number {
  let bytes = Buffer.byteLength(message.body);
  for (const [name, value] of Object.entries(message.attributes)) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '') + Buffer.byteLength(value.StringValue ?? '') + (value.BinaryValue?.length ?? 0);
  }
  return bytes;
}

/** The message's attributes as sent again, without the quarantine marks (a consumer adds them anew if it must). */
function replayedAttributes(attributes: Record<string, MessageAttributeValue>): Record<string, MessageAttributeValue> {
  const copy: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (QUARANTINE_ATTRIBUTES.includes(name) || !value.DataType) continue;
    if (value.StringValue !== undefined) copy[name] = { DataType: value.DataType, StringValue: value.StringValue };
    else if (value.BinaryValue !== undefined) copy[name] = { DataType: value.DataType, BinaryValue: value.BinaryValue };
  }
  return copy;
}

/** Messages hidden by someone else (a stopped run's last batch, a peek): those this run holds are not counted. */
async function othersHold(plan: ReplayPlan, heldByUs: number): Promise<number> {
  const depth = await queueDepth(plan.sqs, plan.sourceUrl);
  return depth.visible > 0 ? 0 : Math.max(0, depth.inFlight - heldByUs);
}

async function keepRate(plan: ReplayPlan, startedAt: number, moved: number): Promise<void> {
  if (plan.ratePerSecond === undefined || plan.ratePerSecond <= 0) return;
  const dueMs = (moved / plan.ratePerSecond) * 1000 - (Date.now() - startedAt);
  if (dueMs > 0) await pause(dueMs, plan.stopSignal);
}
