import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Reservation } from '../../reservation';
import { DUE_INDEX, DUE_INDEX_SHARDS } from '../tables';
import { n, s } from './attributes';
import { reservationFromItem, type DueList } from './reservation-item';

/**
 * Up to `limit` holds of a list of the due index with expiry at or before `now`, oldest first in each
 * shard, all shards asked at once. The index is eventually consistent: a hold listed here may have moved
 * on (its lines never change), so whatever is done with it is decided again from a consistent read.
 */
export async function dueReservations(client: DynamoDBClient, table: string, list: DueList, now: Date, limit: number): Promise<Reservation[]> {
  const perShard = Math.max(1, Math.ceil(limit / DUE_INDEX_SHARDS));
  const shards = await Promise.all(
    Array.from({ length: DUE_INDEX_SHARDS }, async (_, shard) => {
      const response = await client.send(
        new QueryCommand({
          TableName: table,
          IndexName: DUE_INDEX.name,
          KeyConditionExpression: '#particion = :particion AND #vence <= :now',
          ExpressionAttributeNames: { '#particion': DUE_INDEX.partitionKey.name, '#vence': DUE_INDEX.sortKey.name },
          ExpressionAttributeValues: { ':particion': s(`${list}#${shard}`), ':now': n(now.getTime()) },
          Limit: perShard,
        }),
      );
      return (response.Items ?? []).map((item) => reservationFromItem(item, table));
    }),
  );
  return shards.flat().slice(0, limit);
}
