import Table from 'cli-table3';
import type { Figure } from './figure';

/**
 * The figures as a table for people: ours, the baseline, the ratio, the work per command of each side,
 * and the details in one cell.
 *
 * @example
 * ```ts
 * console.log(figuresTable(figures));
 * ```
 */
export function figuresTable(figures: readonly Figure[]): string {
  const table = new Table({ head: ['figure', 'ours', 'baseline', 'ours / baseline', 'work per command', 'details'], wordWrap: true, colWidths: [30, 14, 26, 9, 44, 36], style: { head: [], border: [] } });
  for (const figure of figures) {
    table.push([
      figure.name,
      `${figure.ours} ${figure.unit}`,
      `${figure.baseline} ${figure.unit} (${figure.baselineName})`,
      String(figure.ratio),
      `ours: ${figure.work.ours}\nbaseline: ${figure.work.baseline}`,
      Object.entries(figure.details)
        .map(([name, value]) => `${name}: ${value}`)
        .join('\n'),
    ]);
  }
  return table.toString();
}
