import { UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Reservation } from '../../reservation';
import type { CommandToApply } from '../../ports';
import { DUE_INDEX, type TableNames } from '../tables';
import { s } from './attributes';
import { applyCommands, type ApplySettings } from './apply-commands';
import { dueReservations } from './due-reservations';
import { isConditionFailure } from './is-condition-failure';
import { duePartition } from './reservation-item';

/**
 * Gives back the units of up to `limit` holds past their expiry and still ACTIVA: each an
 * `ExpirarReserva` of one group commit, which applies only if the hold is still ACTIVA when written,
 * so a confirmation or release racing it wins or loses as a whole and no unit is given back twice.
 * Each expired hold stays in the index's AVISO list until {@link markNoticePublished}.
 *
 * @returns the holds this call expired (EXPIRADA).
 * @throws the store's error when the group could not be written (nothing of the failed part was).
 */
export async function expireDue(settings: ApplySettings, now: Date, limit: number): Promise<Reservation[]> {
  const due = await dueReservations(settings.client, settings.tables.reservations, 'ACTIVA', now, limit);
  if (due.length === 0) return [];
  const batch: CommandToApply[] = due.map((reservation) => ({
    command: { type: 'ExpirarReserva', ordenId: reservation.ordenId },
    context: { fingerprint: 'ExpirarReserva', correlationId: reservation.correlationId, now },
  }));
  const results = await applyCommands(settings, batch);
  const failure = results.find((result) => !result.ok);
  const expired = due.flatMap((reservation, i) => {
    const result = results[i];
    return result?.ok && result.result.outcome.estado === 'APLICADA' ? [{ ...reservation, estado: 'EXPIRADA' as const, resuelta: now.toISOString() }] : [];
  });
  // Holds left ACTIVA by a fault are due again at the next sweep; only a sweep that did nothing fails.
  if (failure && !failure.ok && expired.length === 0) throw failure.error;
  return expired;
}

/** Holds expired whose `ReservaExpirada` is still to be published (the sweeper died before it did). */
export function pendingNotices(client: DynamoDBClient, tables: TableNames, now: Date, limit: number): Promise<Reservation[]> {
  return dueReservations(client, tables.reservations, 'AVISO', now, limit);
}

/** Takes an expired hold off the AVISO list once its event is published; a hold already off it is left as is. */
export async function markNoticePublished(client: DynamoDBClient, tables: TableNames, ordenId: string): Promise<void> {
  try {
    await client.send(
      new UpdateItemCommand({
        TableName: tables.reservations,
        Key: { orden_id: s(ordenId) },
        UpdateExpression: 'REMOVE #particion, #vence',
        ConditionExpression: '#particion = :aviso',
        ExpressionAttributeNames: { '#particion': DUE_INDEX.partitionKey.name, '#vence': DUE_INDEX.sortKey.name },
        ExpressionAttributeValues: { ':aviso': s(duePartition('AVISO', ordenId)) },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
