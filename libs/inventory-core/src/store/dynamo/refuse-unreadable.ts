import { GetItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { CommandOutcome, Rejection } from '../../outcome';
import type { ApplyResult, UnreadableCommand } from '../../ports';
import { s } from './attributes';
import { commandKey, commandRecordFromItem } from './command-record';
import { isConditionFailure } from './is-condition-failure';

const UNREADABLE: Rejection = {
  codigo: 'MENSAJE_INVALIDO',
  mensaje: 'El mensaje de la orden no se pudo leer como el comando aceptado; quedó en la cola de mensajes fallidos para revisión',
};

/** Stands in for a fingerprint on a record whose body could not be read as a command. */
const UNREADABLE_FINGERPRINT = 'ilegible';

/**
 * Records a command whose message could not be read (authentically signed, but not the command the
 * gateway accepted) as RECHAZADA with `MENSAJE_INVALIDO`, unless its record is final already; changes no
 * product. Answers the final outcome: this one (`alreadyFinal: false`), or the one recorded before.
 */
export async function refuseUnreadable(client: DynamoDBClient, table: string, command: UnreadableCommand): Promise<ApplyResult> {
  const key = { comando_id: s(commandKey(command.type, command.ordenId)) };
  const outcome: CommandOutcome = { orden_id: command.ordenId, tipo: command.type, estado: 'RECHAZADA', motivo: UNREADABLE };
  try {
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: key,
        UpdateExpression:
          'SET tipo = :tipo, orden_id = :orden, #estado = :rechazada, motivo = :motivo, correlation_id = :correlation, ' +
          'resuelta = :now, recibida = if_not_exists(recibida, :now), huella = if_not_exists(huella, :huella)',
        ConditionExpression: 'attribute_not_exists(comando_id) OR #estado = :pendiente',
        ExpressionAttributeNames: { '#estado': 'estado' },
        ExpressionAttributeValues: {
          ':tipo': s(command.type),
          ':orden': s(command.ordenId),
          ':rechazada': s('RECHAZADA'),
          ':pendiente': s('PENDIENTE'),
          ':motivo': { M: { codigo: s(UNREADABLE.codigo), mensaje: s(UNREADABLE.mensaje) } },
          ':correlation': s(command.correlationId),
          ':now': s(command.now.toISOString()),
          ':huella': s(UNREADABLE_FINGERPRINT),
        },
      }),
    );
    return { outcome, alreadyFinal: false };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const response = await client.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }));
    // Final already (the condition failed on a non-PENDIENTE record): that outcome stands.
    if (response.Item) return { outcome: commandRecordFromItem(response.Item, table).outcome, alreadyFinal: true };
    throw error;
  }
}
