import { TransactWriteItemsCommand, type CancellationReason, type DynamoDBClient, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { AcceptedCommand, RecordAcceptedResult } from '../../ports';
import { commandKey } from './command-record';
import { acceptedRecordItem, recordAccepted } from './record-accepted';

/** DynamoDB's limit of items per `TransactWriteItems`. */
const ITEMS_PER_TRANSACTION = 100;
/** Rounds after which records still unwritten (each round cancelled by another's failed condition) are written one by one. */
const MAX_ROUNDS = 3;

/**
 * Records many accepted commands as PENDIENTE at once, each unless its record exists, as
 * {@link recordAccepted} does for one: one `TransactWriteItems` of conditional puts per 100 commands.
 *
 * Why a transaction and not `BatchWriteItem`: a batch write cannot be conditioned, and an existing record
 * (a retry's, maybe final already) must never be overwritten. A transaction whose condition fails for
 * some records writes none; its `CancellationReasons` name them (they exist: `created: false`), and the
 * others go again in the next round. Two commands of one id in the call: the first is written, the
 * others find its record (`created: false`).
 *
 * @returns one result per command, in the order given.
 * @throws whatever other error DynamoDB gives; then none of the records is known to be written.
 *
 * @example
 * const results = await recordAcceptedMany(client, 'comandos_t', [accepted1, accepted2]);
 * results[0].created; // true
 */
export async function recordAcceptedMany(client: DynamoDBClient, table: string, commands: readonly AcceptedCommand[]): Promise<RecordAcceptedResult[]> {
  const results: (RecordAcceptedResult | undefined)[] = commands.map(() => undefined);
  const firstOfKey = new Map<string, number>();
  commands.forEach((command, index) => {
    const key = commandKey(command.type, command.ordenId);
    if (firstOfKey.has(key)) results[index] = { created: false };
    else firstOfKey.set(key, index);
  });
  let open = [...firstOfKey.values()];
  for (let round = 0; round < MAX_ROUNDS && open.length > 0; round++) {
    const chunks: number[][] = [];
    for (let start = 0; start < open.length; start += ITEMS_PER_TRANSACTION) chunks.push(open.slice(start, start + ITEMS_PER_TRANSACTION));
    const again = await Promise.all(chunks.map((chunk) => writeChunk(client, table, commands, chunk, results)));
    open = again.flat();
  }
  await Promise.all(
    open.map(async (index) => {
      results[index] = await recordAccepted(client, table, commands[index] as AcceptedCommand);
    }),
  );
  return results.map((result) => result ?? { created: false });
}

/** Writes one chunk in one transaction; fills `results` for what it settles, returns the indexes to write again. */
async function writeChunk(
  client: DynamoDBClient,
  table: string,
  commands: readonly AcceptedCommand[],
  chunk: readonly number[],
  results: (RecordAcceptedResult | undefined)[],
): Promise<number[]> {
  const [only] = chunk;
  if (chunk.length === 1 && only !== undefined) {
    results[only] = await recordAccepted(client, table, commands[only] as AcceptedCommand);
    return [];
  }
  const items: TransactWriteItem[] = chunk.map((index) => ({ Put: acceptedRecordItem(table, commands[index] as AcceptedCommand) }));
  try {
    await client.send(new TransactWriteItemsCommand({ TransactItems: items }));
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons) throw error;
    const again: number[] = [];
    chunk.forEach((index, position) => {
      const code = reasons[position]?.Code ?? 'None';
      // Another transaction on the record is its consumer writing it: it exists, as a failed condition says.
      if (code === 'ConditionalCheckFailed' || code === 'TransactionConflict') results[index] = { created: false };
      else if (code === 'None') again.push(index);
      else throw error;
    });
    return again;
  }
  for (const index of chunk) results[index] = { created: true };
  return [];
}

/** The reasons of a cancelled transaction, by item; `undefined` for any other error. Matched by name, as elsewhere in the store. */
function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if ((error as { name?: unknown } | null)?.name !== 'TransactionCanceledException') return undefined;
  return (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
}
