import { randomUUID } from 'node:crypto';
import { TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Command } from '../../command';
import { decide } from '../../domain/decide';
import type { Decision } from '../../domain/types';
import { productIdsOf } from '../../domain/product-ids-of';
import { ConflictRetriesExhaustedError } from '../../errors';
import type { CommandOutcome } from '../../outcome';
import type { ApplyContext, ApplyResult } from '../../ports';
import type { TableNames } from '../tables';
import { backoff } from './backoff';
import { cancellationCause } from './cancellation-cause';
import { commandKey } from './command-record';
import { COMMAND_RECORD_INDEX, decisionTransaction } from './decision-transaction';
import { expiredRejection, isExpiredPending } from './pending-expiry';
import { readDecisionState } from './read-decision-state';

/** What {@link applyCommand} works with. */
export interface ApplySettings {
  client: DynamoDBClient;
  tables: TableNames;
  /** How many times a command is decided again after a concurrent change, before giving up. */
  maxConflictRetries: number;
  /** Past this long PENDIENTE, a command is refused with `MENSAJE_CADUCADO` instead of decided. */
  pendingLifetimeMs: number;
}

/**
 * Applies a command exactly once, however often and however concurrently it is delivered:
 *
 * 1. Reads its record and its products (consistent, one round trip). A final record with the same
 *    fingerprint: returns the recorded outcome (`alreadyFinal`). Any record with another fingerprint:
 *    the id is taken; refuses with `ORDEN_DUPLICADA`, writing nothing, so the record keeps the first
 *    command's outcome.
 * 2. Decides (pure; a record PENDIENTE past its lifetime is refused with `MENSAJE_CADUCADO`), 3. writes the decision in one transaction
 *    conditioned on the versions read and on the record still being absent or PENDIENTE.
 *
 * When the transaction is cancelled because the record was written meanwhile, it starts again at 1
 * (another delivery won). When a product changed, it waits a little and starts again, up to
 * `maxConflictRetries` times. Any other error propagates: the message will be delivered again.
 *
 * @throws ConflictRetriesExhaustedError when the products kept changing.
 */
export async function applyCommand(settings: ApplySettings, command: Command, context: ApplyContext): Promise<ApplyResult> {
  const { client, tables } = settings;
  let conflicts = 0;
  for (;;) {
    const { record, states } = await readDecisionState(client, tables, commandKey(command.type, command.ordenId), productIdsOf(command));
    if (record && record.huella !== context.fingerprint) return { outcome: duplicateOutcome(command), alreadyFinal: false };
    if (record && record.outcome.estado !== 'PENDIENTE') return { outcome: record.outcome, alreadyFinal: true };

    const decision: Decision =
      record && isExpiredPending(record, context.now, settings.pendingLifetimeMs)
        ? { kind: 'reject', rejection: expiredRejection(settings.pendingLifetimeMs) }
        : decide(command, states);
    const recibida = record?.recibida ?? context.now.toISOString();
    const transaction = decisionTransaction({ tables, command, context, states, decision, recibida });
    try {
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: transaction.items,
          // Per attempt: makes the SDK's own retry of this very request idempotent for 10 minutes.
          ClientRequestToken: randomUUID(),
        }),
      );
      return { outcome: transaction.outcome, alreadyFinal: false };
    } catch (error) {
      const cause = cancellationCause(error, COMMAND_RECORD_INDEX);
      if (cause === undefined) throw error;
      // `command-record`: the record was written meanwhile, so the next read finds it final or taken and
      // returns at once; no wait, and it is not a conflict.
      if (cause === 'conflict') {
        if (conflicts >= settings.maxConflictRetries) throw new ConflictRetriesExhaustedError(command.ordenId, conflicts + 1);
        await backoff(conflicts++);
      }
    }
  }
}

function duplicateOutcome(command: Command): CommandOutcome {
  return {
    orden_id: command.ordenId,
    tipo: command.type,
    estado: 'RECHAZADA',
    motivo: {
      codigo: 'ORDEN_DUPLICADA',
      mensaje: `orden_id ${command.ordenId} ya se usó en ${command.type} con otro contenido`,
    },
  };
}
