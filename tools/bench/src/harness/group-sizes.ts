import type { BenchSystem } from './bench-system';

/** How many groups a consumer applied and how many messages they held. */
export interface GroupSizes {
  groups: number;
  messages: number;
  /** Messages per group, to one decimal. */
  mean: number;
}

/** The consumer's line for each group it applies (`processCommandBatch`). */
const GROUP_LINE = /Group applied mensajes=(\d+)/;

/**
 * Counts the groups a consumer applies from its log lines, from now until `stop()`: the measured group
 * size is what the work per command of a group commit is divided by.
 *
 * @example
 * ```ts
 * const watch = watchGroupSizes(system, 'movimiento-inventario');
 * // ... run the scenario ...
 * watch.stop().mean; // 14.2
 * ```
 */
export function watchGroupSizes(system: BenchSystem, app: string): { stop(): GroupSizes } {
  let groups = 0;
  let messages = 0;
  const unsubscribe = system.onLine(app, (line) => {
    const match = GROUP_LINE.exec(line);
    if (!match) return;
    groups++;
    messages += Number(match[1]);
  });
  return {
    stop: () => {
      unsubscribe();
      return { groups, messages, mean: groups === 0 ? 0 : Math.round((messages / groups) * 10) / 10 };
    },
  };
}
