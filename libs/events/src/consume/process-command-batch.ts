import type { CommandBatchApplier } from '@inventario/inventory-core';
import type { SQSRecord } from 'aws-lambda';
import {
  admitCommandMessage,
  applyContextOf,
  logRetry,
  publishCommandOutcome,
  type AdmittedMessage,
  type MessageResult,
  type MessageStepDeps,
} from './process-command-message';
import { messageTrace } from './message-trace';

/** What a consumer needs to handle a whole batch: the steps' dependencies and a group-commit applier. */
export type CommandBatchConsumerDeps = MessageStepDeps & { applier: CommandBatchApplier };

/** What became of one message of a batch: its result, or the error for which it is delivered again. */
export type BatchMessageResult = { messageId: string; ok: true; result: MessageResult } | { messageId: string; ok: false; error: unknown };

/**
 * Handles a whole batch of queue messages with group commit: checks each message as
 * `processCommandMessage` does (quarantining those that fail), applies the commands of all the others
 * together (`applyBatch`: one read of their products, as few transactions as possible, each command all
 * or nothing and applied once), then publishes each outcome. A message whose command could not be
 * settled, or whose outcome could not be published, fails alone: only it is delivered again.
 *
 * @returns one result per record, in the order given.
 *
 * @example
 * export const handler = createWholeBatchHandler((records) => processCommandBatch(records, deps));
 */
export async function processCommandBatch(records: readonly SQSRecord[], deps: CommandBatchConsumerDeps): Promise<BatchMessageResult[]> {
  const admissions = await Promise.all(records.map((record) => settle(() => admitCommandMessage(record, deps))));
  const admitted = admissions.flatMap((admission) => (admission.ok && admission.value ? [admission.value] : []));
  const applied = await applyAll(admitted, deps);
  if (admitted.length > 0) deps.logger.info('Group applied', { mensajes: admitted.length });
  const published = new Map<AdmittedMessage, Promise<Settled<MessageResult>>>(
    admitted.map((message, i) => {
      const result = applied[i];
      if (!result?.ok) {
        const error = result?.error ?? new Error('command left undecided');
        logRetry(deps.logger, message.ids, error);
        return [message, Promise.resolve({ ok: false, error })];
      }
      return [message, settle(() => publishCommandOutcome(message, result.result, deps))];
    }),
  );
  return Promise.all(
    records.map(async (record, i): Promise<BatchMessageResult> => {
      const admission = admissions[i] as Settled<AdmittedMessage | undefined>;
      if (!admission.ok) return { messageId: record.messageId, ok: false, error: admission.error };
      if (!admission.value) return { messageId: record.messageId, ok: true, result: 'CUARENTENA' };
      const outcome = await (published.get(admission.value) as Promise<Settled<MessageResult>>);
      return outcome.ok ? { messageId: record.messageId, ok: true, result: outcome.value } : { messageId: record.messageId, ok: false, error: outcome.error };
    }),
  );
}

async function applyAll(admitted: readonly AdmittedMessage[], deps: CommandBatchConsumerDeps) {
  if (admitted.length === 0) return [];
  try {
    return await deps.applier.applyBatch(admitted.map((message) => ({ command: message.command, context: applyContextOf(message) })));
  } catch (error) {
    // The port settles each command itself; a throw means none was settled.
    deps.logger.error('Batch could not be applied', { mensajes: admitted.map((message) => messageTrace(message.record).message_id) });
    return admitted.map(() => ({ ok: false as const, error }));
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(step: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await step() };
  } catch (error) {
    return { ok: false, error };
  }
}
