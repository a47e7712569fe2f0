import type { GroupSizes } from '../harness/group-sizes';

/**
 * The consumer's DynamoDB work per command (a sale, by default) under group commit, as the consumer
 * measured it in its `Group applied` lines: reads and transactions per group, and per command the round
 * trips and the items written (per product one update, per command its ledger entry and its record).
 *
 * @example
 * ```ts
 * groupWork(sizes); // 'groups of 40 sales (measured): 0.02 BatchGetItem + 1.00 TransactWriteItems per group = 0.03 DynamoDB round trips and 2.03 items written per sale; ...'
 * ```
 */
export function groupWork(sizes: GroupSizes, noun = 'sale'): string {
  if (sizes.groups === 0 || sizes.messages === 0) return 'no group measured';
  const perGroup = (count: number): string => (count / sizes.groups).toFixed(2);
  const perCommand = (count: number): string => (count / sizes.messages).toFixed(2);
  return (
    `groups of ${sizes.mean} ${noun}s (measured): ${perGroup(sizes.reads)} BatchGetItem + ${perGroup(sizes.transactions)} TransactWriteItems per group` +
    ` = ${perCommand(sizes.reads + sizes.transactions)} DynamoDB round trips and ${perCommand(sizes.itemsWritten)} items written per ${noun};` +
    ' its outcome event in SNS PublishBatch calls of 10, its SQS receive and delete in calls of 10'
  );
}
