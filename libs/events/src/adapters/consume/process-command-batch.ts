import type { BatchApplyResult, CommandBatchApplier, GroupWork } from '@inventario/inventory-core';
import type { SQSRecord } from 'aws-lambda';
import type { OutcomeEvent } from '../../contract/outcome-event';
import { messageTrace } from './message-trace';
import {
  admitCommandMessage,
  applyContextOf,
  logOutcomePublished,
  logRetry,
  outcomeEventsOf,
  reportCommandOutcome,
  type AdmittedMessage,
  type MessageResult,
  type MessageStepDeps,
} from './process-command-message';

/** What a consumer needs to handle a whole batch: the steps' dependencies and a group-commit applier. */
export type CommandBatchConsumerDeps = MessageStepDeps & { applier: CommandBatchApplier };

/** What became of one message of a batch: its result, or the error for which it is delivered again. */
export type BatchMessageResult = { messageId: string; ok: true; result: MessageResult } | { messageId: string; ok: false; error: unknown };

/** Where a caller may learn how far a batch has got. */
export interface BatchStages {
  /**
   * Called once every command of the batch is settled in the store (or could not be), before the
   * outcomes are published: from then on another group may be applied (`mergeConcurrentBatches`).
   */
  onApplied?: () => void;
}

/** SNS's limit of entries per `PublishBatch`. */
const EVENTS_PER_PUBLISH = 10;

/**
 * Handles a whole batch of queue messages with group commit: checks each message as
 * `processCommandMessage` does (quarantining those that fail), applies the commands of all the others
 * together (`applyBatch`: one read of their products, as few transactions as possible, each command all
 * or nothing and applied once), then (after `stages.onApplied`) publishes the outcome events of the
 * whole group in as few `PublishBatch` calls as SNS allows, sent at once, and logs and counts each
 * outcome. A message whose command could not be settled, or whose events could not be published, fails
 * alone: only it is delivered again (and publishes its recorded outcome again: at least once).
 *
 * @returns one result per record, in the order given.
 *
 * @example
 * export const handler = createWholeBatchHandler((records) => processCommandBatch(records, deps));
 */
export async function processCommandBatch(
  records: readonly SQSRecord[],
  deps: CommandBatchConsumerDeps,
  stages: BatchStages = {},
): Promise<BatchMessageResult[]> {
  const admissions = await Promise.all(records.map((record) => settle(() => admitCommandMessage(record, deps))));
  const admitted = admissions.flatMap((admission) => (admission.ok && admission.value ? [admission.value] : []));
  let work: GroupWork | undefined;
  const applied = await applyAll(admitted, deps, (done) => (work = done));
  // What the group cost in store calls: read by the bench for its work per command, and by whoever
  // wonders why a group was slow (a cancelled transaction shows as one more than needed).
  if (admitted.length > 0) {
    deps.logger.info('Group applied', {
      mensajes: admitted.length,
      ...(work && { lecturas: work.reads, transacciones: work.transactions, items_escritos: work.itemsWritten }),
    });
  }

  stages.onApplied?.();

  const settled = admitted.map((message, i) => ({ message, result: applied[i] }));
  const toPublish = settled.flatMap(({ message, result }) =>
    result?.ok ? [{ message, result: result.result, events: outcomeEventsOf(message, result.result, deps) }] : [],
  );
  const unpublished = await publishTogether(toPublish.map(({ events }) => events), deps);

  const outcomes = new Map<AdmittedMessage, BatchMessageResult>();
  for (const { message, result } of settled) {
    if (!result?.ok) {
      const error = result?.error ?? new Error('command left undecided');
      logRetry(deps.logger, message.ids, error);
      outcomes.set(message, { messageId: message.record.messageId, ok: false, error });
    }
  }
  toPublish.forEach(({ message, result, events }, i) => {
    const error = unpublished.get(i);
    if (error !== undefined) {
      logRetry(deps.logger, message.ids, error);
      outcomes.set(message, { messageId: message.record.messageId, ok: false, error });
    } else {
      logOutcomePublished(message, events, deps);
      outcomes.set(message, { messageId: message.record.messageId, ok: true, result: reportCommandOutcome(message, result, deps) });
    }
  });

  return records.map((record, i): BatchMessageResult => {
    const admission = admissions[i] as Settled<AdmittedMessage | undefined>;
    if (!admission.ok) return { messageId: record.messageId, ok: false, error: admission.error };
    if (!admission.value) return { messageId: record.messageId, ok: true, result: 'CUARENTENA' };
    return outcomes.get(admission.value) as BatchMessageResult;
  });
}

async function applyAll(admitted: readonly AdmittedMessage[], deps: CommandBatchConsumerDeps, onWork: (work: GroupWork) => void): Promise<BatchApplyResult[]> {
  if (admitted.length === 0) return [];
  try {
    return await deps.applier.applyBatch(
      admitted.map((message) => ({ command: message.command, context: applyContextOf(message) })),
      onWork,
    );
  } catch (error) {
    // The port settles each command itself; a throw means none was settled.
    deps.logger.error('Group could not be applied', { mensajes: admitted.map((message) => messageTrace(message.record).message_id) });
    return admitted.map(() => ({ ok: false as const, error }));
  }
}

/**
 * Publishes the events of several messages in calls of up to 10 events, all at once.
 *
 * @returns by message index, the error of each message one of whose calls failed.
 */
async function publishTogether(eventsByMessage: readonly OutcomeEvent[][], deps: MessageStepDeps): Promise<Map<number, unknown>> {
  const entries = eventsByMessage.flatMap((events, owner) => events.map((event) => ({ owner, event })));
  const calls: (typeof entries)[] = [];
  for (let start = 0; start < entries.length; start += EVENTS_PER_PUBLISH) calls.push(entries.slice(start, start + EVENTS_PER_PUBLISH));
  const failed = new Map<number, unknown>();
  await Promise.all(
    calls.map(async (call) => {
      try {
        await deps.outcomes.publish(call.map((entry) => entry.event));
      } catch (error) {
        for (const entry of call) failed.set(entry.owner, error);
      }
    }),
  );
  return failed;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(step: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await step() };
  } catch (error) {
    return { ok: false, error };
  }
}
