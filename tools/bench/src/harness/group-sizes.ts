import type { BenchSystem } from './bench-system';

/** How many groups a consumer applied, how many messages they held, and what they cost in store calls. */
export interface GroupSizes {
  groups: number;
  messages: number;
  /** Messages per group, to one decimal. */
  mean: number;
  /** `BatchGetItem` requests of all the groups. */
  reads: number;
  /** `TransactWriteItems` sent by all the groups, committed or cancelled. */
  transactions: number;
  /** Items their committed transactions wrote. */
  itemsWritten: number;
}

/** The consumer's line for each group it applies (`processCommandBatch`). */
const GROUP_LINE = /Group applied mensajes=(\d+)(?: lecturas=(\d+) transacciones=(\d+) items_escritos=(\d+))?/;

/**
 * Counts the groups a consumer applies from its log lines, from now until `stop()`: the measured group
 * size and store calls are what the work per command of a group commit is stated from.
 *
 * @example
 * ```ts
 * const watch = watchGroupSizes(system, 'movimiento-inventario');
 * // ... run the scenario ...
 * watch.stop().mean; // 14.2
 * ```
 */
export function watchGroupSizes(system: BenchSystem, app: string): { stop(): GroupSizes } {
  const totals = { groups: 0, messages: 0, reads: 0, transactions: 0, itemsWritten: 0 };
  const unsubscribe = system.onLine(app, (line) => {
    const match = GROUP_LINE.exec(line);
    if (!match) return;
    totals.groups++;
    totals.messages += Number(match[1]);
    totals.reads += Number(match[2] ?? 0);
    totals.transactions += Number(match[3] ?? 0);
    totals.itemsWritten += Number(match[4] ?? 0);
  });
  return {
    stop: () => {
      unsubscribe();
      return { ...totals, mean: totals.groups === 0 ? 0 : Math.round((totals.messages / totals.groups) * 10) / 10 };
    },
  };
}
