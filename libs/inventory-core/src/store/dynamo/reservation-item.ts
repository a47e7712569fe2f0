import { createHash } from 'node:crypto';
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { StoredItemError } from '../../errors';
import { RESERVATION_STATUSES, type Reservation, type ReservationStatus } from '../../reservation';
import { DUE_INDEX, DUE_INDEX_SHARDS, type TableNames } from '../tables';
import { n, readNumber, readString, s, type Item } from './attributes';

/**
 * The two lists of {@link DUE_INDEX}: holds ACTIVA until their expiry, and holds the sweeper made
 * EXPIRADA whose `ReservaExpirada` is not published yet (an outbox: the event is published at least
 * once, even when the sweeper dies between the write and the publish).
 */
export type DueList = 'ACTIVA' | 'AVISO';

/** The index partition of a hold in a list: the list and a shard of the hold's id. */
export function duePartition(list: DueList, ordenId: string): string {
  const shard = (createHash('sha256').update(ordenId).digest()[0] ?? 0) % DUE_INDEX_SHARDS;
  return `${list}#${shard}`;
}

/** Reads a `reservas_t` item. */
export function reservationFromItem(item: Item, table: string): Reservation {
  const ordenId = readString(item['orden_id']);
  const estado = readString(item['estado']);
  const expiraEn = readString(item['expira_en']);
  if (ordenId === undefined || estado === undefined || !(RESERVATION_STATUSES as readonly string[]).includes(estado) || expiraEn === undefined) {
    throw new StoredItemError(table, `reservation ${ordenId ?? '?'} is incomplete`);
  }
  const resuelta = readString(item['resuelta']);
  return {
    ordenId,
    estado: estado as ReservationStatus,
    lines: (item['lineas']?.L ?? []).map((line) => ({
      productoId: readString(line.M?.['producto_id']) ?? '',
      ubicacionId: readString(line.M?.['ubicacion_id']) ?? '',
      cantidad: readNumber(line.M?.['cantidad']) ?? 0,
    })),
    creada: readString(item['creada']) ?? '',
    expiraEn,
    ...(resuelta !== undefined && { resuelta }),
    correlationId: readString(item['correlation_id']) ?? '',
  };
}

/** A new hold, ACTIVA and in the index until its expiry; written only where none is. */
export function reservationCreate(tables: TableNames, reservation: Reservation): TransactWriteItem {
  return {
    Put: {
      TableName: tables.reservations,
      Item: {
        orden_id: s(reservation.ordenId),
        estado: s(reservation.estado),
        lineas: {
          L: reservation.lines.map((line) => ({
            M: { producto_id: s(line.productoId), ubicacion_id: s(line.ubicacionId), cantidad: n(line.cantidad) },
          })),
        },
        creada: s(reservation.creada),
        expira_en: s(reservation.expiraEn),
        correlation_id: s(reservation.correlationId),
        [DUE_INDEX.partitionKey.name]: s(duePartition('ACTIVA', reservation.ordenId)),
        [DUE_INDEX.sortKey.name]: n(Date.parse(reservation.expiraEn)),
      },
      ConditionExpression: 'attribute_not_exists(orden_id)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/**
 * Moves an ACTIVA hold to its end, only if it is still ACTIVA. Out of the index, except a hold the
 * sweeper expired: it moves to the AVISO list until its event is published.
 */
export function reservationSettle(tables: TableNames, ordenId: string, to: Exclude<ReservationStatus, 'ACTIVA'>, now: Date): TransactWriteItem {
  const values: Item = { ':to': s(to), ':now': s(now.toISOString()), ':activa': s('ACTIVA') };
  const names: Record<string, string> = { '#estado': 'estado', '#particion': DUE_INDEX.partitionKey.name };
  let update = 'SET #estado = :to, resuelta = :now';
  if (to === 'EXPIRADA') {
    values[':aviso'] = s(duePartition('AVISO', ordenId));
    update += ', #particion = :aviso';
  } else {
    names['#vence'] = DUE_INDEX.sortKey.name;
    update += ' REMOVE #particion, #vence';
  }
  return {
    Update: {
      TableName: tables.reservations,
      Key: { orden_id: s(ordenId) },
      UpdateExpression: update,
      ConditionExpression: '#estado = :activa',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** A check that a hold is as it was read (absent, or in the same status): what a refused step was decided from. */
export function reservationCheck(tables: TableNames, ordenId: string, read: Reservation | undefined): TransactWriteItem {
  return {
    ConditionCheck: {
      TableName: tables.reservations,
      Key: { orden_id: s(ordenId) },
      ...(read
        ? { ConditionExpression: '#estado = :read', ExpressionAttributeNames: { '#estado': 'estado' }, ExpressionAttributeValues: { ':read': s(read.estado) } }
        : { ConditionExpression: 'attribute_not_exists(orden_id)' }),
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}
