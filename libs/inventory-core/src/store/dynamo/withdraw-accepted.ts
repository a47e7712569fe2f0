import { DeleteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AcceptedCommand } from '../../ports';
import { s } from './attributes';
import { commandKey } from './command-record';
import { isConditionFailure } from './is-condition-failure';

/**
 * Removes the PENDIENTE record that {@link recordAccepted} wrote for this very acceptance (same
 * fingerprint, same acceptance time), when the command's publish failed and the client was answered 503:
 * no message exists for it, so nothing would ever finish it. Any other record (final, or written by
 * another acceptance whose message is on its way) is left alone.
 */
export async function withdrawAccepted(client: DynamoDBClient, table: string, command: AcceptedCommand): Promise<void> {
  try {
    await client.send(
      new DeleteItemCommand({
        TableName: table,
        Key: { comando_id: s(commandKey(command.type, command.ordenId)) },
        ConditionExpression: '#estado = :pendiente AND huella = :huella AND recibida = :recibida',
        ExpressionAttributeNames: { '#estado': 'estado' },
        ExpressionAttributeValues: {
          ':pendiente': s('PENDIENTE'),
          ':huella': s(command.fingerprint),
          ':recibida': s(command.acceptedAt.toISOString()),
        },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) return;
    throw error;
  }
}
