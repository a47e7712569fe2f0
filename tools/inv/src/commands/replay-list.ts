import { queueOverview } from '@inventario/dead-letters';
import { EXIT } from '../errors';
import { formatAge } from '../output/format';
import { renderTable } from '../output/table';
import type { CommandContext } from './context';

/** `replay list`: every consumer queue and its dead-letter queue, with depths and the oldest dead message's age. */
export async function replayList(context: CommandContext): Promise<number> {
  const { sqs, locator, target } = context.aws();
  const rows = await queueOverview(sqs, locator, context.gateway().keyRing, context.now());
  context.print(
    {
      source: target.source,
      queues: rows.map((row) => ({
        service: row.service,
        role: row.role,
        queue: row.queue,
        visible: row.visible,
        in_flight: row.inFlight,
        oldest_age_seconds: row.oldestAgeSeconds ?? null,
        oldest_is_lower_bound: row.oldestIsLowerBound,
      })),
    },
    () =>
      `${renderTable(
        ['service', 'queue', 'visible', 'in flight', 'oldest'],
        rows.map((row) => [
          row.service,
          row.role === 'dlq' ? `${row.queue} (DLQ)` : row.queue,
          row.visible,
          row.inFlight,
          `${row.oldestIsLowerBound && row.oldestAgeSeconds !== undefined ? '≥ ' : ''}${formatAge(row.oldestAgeSeconds)}`,
        ]),
      )}queues of ${target.source}\n`,
  );
  return EXIT.ok;
}
