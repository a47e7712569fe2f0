/** DynamoDB's limit of items per `TransactWriteItems`. */
const TRANSACTION_ITEMS = 100;

/**
 * The consumer's DynamoDB work per command (a sale, by default) under group commit, for a measured mean group of `perGroup`
 * sales that touch `products` products: one `BatchGetItem` per group, and `TransactWriteItems` of one
 * update per product plus `itemsPerSale` (ledger entry and record) per sale, in chunks of 100 items.
 *
 * @example
 * ```ts
 * groupWork(40, 2, 1); // 'group of 40 sales (measured): 1 BatchGetItem + 1 TransactWriteItems of 81 items = 0.05 DynamoDB round trips and 2.03 items per sale; ...'
 * ```
 */
export function groupWork(perGroup: number, itemsPerSale: number, products: number, noun = 'sale'): string {
  if (perGroup <= 0) return 'no group measured';
  const items = Math.min(products, perGroup) + itemsPerSale * perGroup;
  const transactions = Math.ceil(items / TRANSACTION_ITEMS);
  const roundTrips = (1 + transactions) / perGroup;
  return (
    `group of ${perGroup} ${noun}s (measured): 1 BatchGetItem + ${transactions} TransactWriteItems of ${Math.round(items)} items` +
    ` = ${roundTrips.toFixed(2)} DynamoDB round trips and ${(items / perGroup).toFixed(2)} items per ${noun};` +
    ' its outcome event in SNS PublishBatch calls of 10, its SQS receive and delete in calls of 10'
  );
}
