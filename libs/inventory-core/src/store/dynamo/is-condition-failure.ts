/**
 * True for the errors DynamoDB gives when a write's condition does not hold or a transaction holds the
 * item: the write did not happen, and that is an answer, not a fault.
 */
export function isConditionFailure(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'ConditionalCheckFailedException' || name === 'TransactionConflictException';
}
