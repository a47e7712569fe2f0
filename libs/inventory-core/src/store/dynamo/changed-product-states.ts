import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import type { VersionedProduct } from '../../domain/types';
import type { GroupItemKind } from './group-transactions';
import { productFromItem } from './product-item';

/**
 * The current state of each product whose condition cancelled a group transaction, as DynamoDB returns
 * it with the cancellation (`ReturnValuesOnConditionCheckFailure: ALL_OLD` on every product item), when
 * nothing else cancelled it: the commands can then be decided again from these states without reading
 * them. Ledger entries that exist already are part of the same change (they are keyed by versions the
 * product has passed since). `undefined` when anything else failed (a record, a transaction in progress),
 * or a product's item did not come back (it no longer exists): then the next round reads.
 */
export function changedProductStates(error: unknown, kinds: readonly GroupItemKind[], table: string): VersionedProduct[] | undefined {
  if ((error as { name?: unknown } | null)?.name !== 'TransactionCanceledException') return undefined;
  const reasons: CancellationReason[] = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
  const failed = reasons.map((reason, index) => ({ reason, kind: kinds[index] })).filter(({ reason }) => reason.Code !== undefined && reason.Code !== 'None');
  if (failed.length === 0) return undefined;
  const states: VersionedProduct[] = [];
  for (const { reason, kind } of failed) {
    if (reason.Code !== 'ConditionalCheckFailed') return undefined;
    if (kind === 'ledger') continue;
    if (kind !== 'product' || reason.Item === undefined) return undefined;
    states.push(productFromItem(reason.Item, table));
  }
  return states.length > 0 ? states : undefined;
}
