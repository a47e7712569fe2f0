import type { CancellationReason } from '@aws-sdk/client-dynamodb';
import type { GroupItemKind } from './group-transactions';

/**
 * Why a group transaction did not commit, when it is one this store handles:
 * - `command-record`: only command records' conditions failed: other deliveries of those ids got there
 *   first (or the ids were taken). Read the records again; nothing else needs to wait.
 * - `conflict`: a product (or a ledger entry) changed since it was read, or another transaction held it.
 *   Decide again from fresh state, after a short wait.
 */
export type CancellationCause = 'command-record' | 'conflict';

/**
 * Tells from a `TransactWriteItems` error what happened, reading `CancellationReasons` by index (they
 * are in the order of the transaction's items, whose kinds `kinds` gives). `undefined` for any other
 * error, which the caller lets propagate.
 */
export function cancellationCause(error: unknown, kinds: readonly GroupItemKind[]): CancellationCause | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  // Matched by name, not instanceof: two copies of the SDK in one bundle would defeat instanceof.
  if (name === 'TransactionConflictException') return 'conflict';
  if (name !== 'TransactionCanceledException') return undefined;
  const reasons: CancellationReason[] = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
  const failed = reasons.flatMap((reason, index) => (reason.Code && reason.Code !== 'None' ? [{ code: reason.Code, kind: kinds[index] }] : []));
  if (failed.some((failure) => failure.code !== 'ConditionalCheckFailed' && failure.code !== 'TransactionConflict')) return undefined;
  if (failed.length === 0) return undefined;
  return failed.every((failure) => failure.kind === 'record' && failure.code === 'ConditionalCheckFailed') ? 'command-record' : 'conflict';
}
