import type { AcceptedCommand, BatchCommandIntake, CommandIntake, RecordAcceptedResult } from '@inventario/inventory-core';
import { coalesceCalls } from '../coalesce/coalesce-calls';

/** DynamoDB's limit of items per transaction: the most records one write carries. */
const RECORDS_PER_WRITE = 100;
/** Record writes in flight at once. */
const WRITES_IN_FLIGHT = 2;

/**
 * The gateway's intake in a long-lived process: PENDIENTE records of commands accepted at about the same
 * time (see `coalesceCalls`) are written together (`recordAcceptedMany`: one transaction of conditional
 * puts), each request still told whether its record was written. Why: on DynamoDB, and far more on
 * DynamoDB Local, a transaction of many items costs less per item than as many `PutItem`. Taking a
 * record back stays one call: it happens only when a publish failed.
 *
 * @example
 * const intake = coalescingIntake(store);
 * await intake.recordAccepted(accepted); // { created: true }
 */
export function coalescingIntake(intake: BatchCommandIntake): CommandIntake {
  const record = coalesceCalls<AcceptedCommand, RecordAcceptedResult>({
    flush: async (commands) => (await intake.recordAcceptedMany(commands)).map((value) => ({ ok: true, value })),
    maxBatch: RECORDS_PER_WRITE,
    maxInFlight: WRITES_IN_FLIGHT,
  });
  return { recordAccepted: record, withdrawAccepted: (command) => intake.withdrawAccepted(command) };
}
