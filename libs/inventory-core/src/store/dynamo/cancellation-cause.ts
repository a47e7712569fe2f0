import type { CancellationReason } from '@aws-sdk/client-dynamodb';

/**
 * Why a command's transaction did not commit, when it is one this store handles:
 * - `command-record`: the command record's condition failed: another delivery of the same id got there
 *   first (or the id was taken). Read the record again.
 * - `conflict`: a product changed since it was read, or another transaction held it. Decide again.
 */
export type CancellationCause = 'command-record' | 'conflict';

/**
 * Tells from a `TransactWriteItems` error what happened, reading `CancellationReasons` by index (they
 * are in the order of the transaction's items). `undefined` for any other error, which the caller lets
 * propagate.
 */
export function cancellationCause(error: unknown, commandRecordIndex: number): CancellationCause | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  // Matched by name, not instanceof: two copies of the SDK in one bundle would defeat instanceof.
  if (name === 'TransactionConflictException') return 'conflict';
  if (name !== 'TransactionCanceledException') return undefined;
  const reasons: CancellationReason[] = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
  if (reasons[commandRecordIndex]?.Code === 'ConditionalCheckFailed') return 'command-record';
  const handled = reasons.some((reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict');
  return handled ? 'conflict' : undefined;
}
