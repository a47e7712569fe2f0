import { PutItemCommand, type DynamoDBClient, type Put } from '@aws-sdk/client-dynamodb';
import type { AcceptedCommand, RecordAcceptedResult } from '../../ports';
import { s } from './attributes';
import { commandKey } from './command-record';
import { isConditionFailure } from './is-condition-failure';

/**
 * Records an accepted command as PENDIENTE, unless its record exists. An existing record means a retry
 * of the same command (its record is kept: it may be final already) or a reused id (which the consumer
 * refuses), so the failed condition is not an error. A transaction conflict means a consumer is writing
 * that very record now; it is not an error either. Says whether this call wrote the record.
 */
export async function recordAccepted(client: DynamoDBClient, table: string, command: AcceptedCommand): Promise<RecordAcceptedResult> {
  try {
    await client.send(new PutItemCommand(acceptedRecordItem(table, command)));
    return { created: true };
  } catch (error) {
    if (isConditionFailure(error)) return { created: false };
    throw error;
  }
}

/** The conditional put of a PENDIENTE record: written only where the command has no record yet. */
export function acceptedRecordItem(table: string, command: AcceptedCommand): Put & Required<Pick<Put, 'ConditionExpression'>> {
  return {
    TableName: table,
    Item: {
      comando_id: s(commandKey(command.type, command.ordenId)),
      tipo: s(command.type),
      orden_id: s(command.ordenId),
      huella: s(command.fingerprint),
      estado: s('PENDIENTE'),
      correlation_id: s(command.correlationId),
      recibida: s(command.acceptedAt.toISOString()),
    },
    ConditionExpression: 'attribute_not_exists(comando_id)',
  };
}
