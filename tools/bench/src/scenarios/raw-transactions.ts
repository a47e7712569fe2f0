import { TransactWriteItemsCommand, type DynamoDBClient, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { percentiles, perSecond, type Percentiles } from '../harness/latency';
import { runPool } from '../harness/run-pool';

/** What the raw transactions achieved. */
export interface RawResult {
  applied: number;
  /** Transactions whose business condition failed (the item was sold out). */
  refused: number;
  /** Transactions DynamoDB cancelled for a concurrent one on the same item, and sent again. */
  conflicts: number;
  /** Transactions (applied or refused) per second. */
  settledPerSecond: number;
  perSecond: number;
  latency: Percentiles;
}

/**
 * A baseline: `count` transactions sent straight to DynamoDB Local, `concurrency` in flight. One whose
 * item `refusedAt` fails its condition is counted as refused; one cancelled for a concurrent transaction
 * is sent again, as a consumer would.
 */
export async function rawTransactions(
  client: DynamoDBClient,
  count: number,
  concurrency: number,
  itemsOf: (index: number) => TransactWriteItem[],
  refusedAt: number,
): Promise<RawResult> {
  const latencies: number[] = [];
  let applied = 0;
  let refused = 0;
  let conflicts = 0;
  const startedAt = Date.now();
  await runPool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const items = itemsOf(i);
      const sentAt = Date.now();
      for (;;) {
        try {
          await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
          applied++;
          break;
        } catch (error) {
          const failure = failureOf(error, refusedAt);
          if (failure === 'refused') {
            refused++;
            break;
          }
          if (failure !== 'conflict') throw error;
          conflicts++;
        }
      }
      latencies.push(Date.now() - sentAt);
    },
  );
  const elapsed = Date.now() - startedAt;
  return {
    applied,
    refused,
    conflicts,
    perSecond: perSecond(applied, elapsed),
    settledPerSecond: perSecond(applied + refused, elapsed),
    latency: percentiles(latencies),
  };
}

function failureOf(error: unknown, refusedAt: number): 'refused' | 'conflict' | undefined {
  const { name, CancellationReasons: reasons = [] } = error as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (name === 'TransactionConflictException') return 'conflict';
  if (name !== 'TransactionCanceledException') return undefined;
  if (reasons[refusedAt]?.Code === 'ConditionalCheckFailed') return 'refused';
  return reasons.some((reason) => reason.Code === 'TransactionConflict') ? 'conflict' : undefined;
}
