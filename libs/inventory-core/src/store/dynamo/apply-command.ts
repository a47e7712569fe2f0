import { randomUUID } from 'node:crypto';
import { GetItemCommand, TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Command } from '../../command';
import { decide } from '../../domain/decide';
import { productIdsOf } from '../../domain/product-ids-of';
import { ConflictRetriesExhaustedError } from '../../errors';
import type { CommandOutcome } from '../../outcome';
import type { ApplyContext, ApplyResult } from '../../ports';
import type { TableNames } from '../tables';
import { s } from './attributes';
import { backoff } from './backoff';
import { cancellationCause } from './cancellation-cause';
import { commandKey, commandRecordFromItem, type CommandRecord } from './command-record';
import { COMMAND_RECORD_INDEX, decisionTransaction } from './decision-transaction';
import { readProducts } from './read-products';

/** What {@link applyCommand} works with. */
export interface ApplySettings {
  client: DynamoDBClient;
  tables: TableNames;
  /** How many times a command is decided again after a concurrent change, before giving up. */
  maxConflictRetries: number;
}

/**
 * Applies a command exactly once, however often and however concurrently it is delivered:
 *
 * 1. Reads its record. Final with the same fingerprint: returns the recorded outcome (`alreadyFinal`).
 *    Any record with another fingerprint: the id is taken; refuses with `ORDEN_DUPLICADA`, writing
 *    nothing, so the record keeps the first command's outcome.
 * 2. Reads its products (consistent), 3. decides (pure), 4. writes the decision in one transaction
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
    const record = await readCommandRecord(client, tables.commands, commandKey(command.type, command.ordenId));
    if (record && record.huella !== context.fingerprint) return { outcome: duplicateOutcome(command), alreadyFinal: false };
    if (record && record.outcome.estado !== 'PENDIENTE') return { outcome: record.outcome, alreadyFinal: true };

    const states = await readProducts(client, tables.products, productIdsOf(command));
    const decision = decide(command, states);
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

async function readCommandRecord(client: DynamoDBClient, table: string, key: string): Promise<CommandRecord | undefined> {
  const response = await client.send(new GetItemCommand({ TableName: table, Key: { comando_id: s(key) }, ConsistentRead: true }));
  return response.Item ? commandRecordFromItem(response.Item, table) : undefined;
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
