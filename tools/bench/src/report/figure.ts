/** One line of the bench's table: our figure, the baseline's, measured in the same run, and their ratio. */
export interface Figure {
  /** What is measured. */
  name: string;
  /** Unit of `ours` and `baseline`, e.g. `applied/s`, `s`. */
  unit: string;
  ours: number;
  baseline: number;
  /** What the baseline is. */
  baselineName: string;
  /** `ours / baseline`. */
  ratio: number;
  /**
   * The work behind one command (or item) on each side: round trips and items written, so a reader
   * sees why the ratio is what it is.
   */
  work: { ours: string; baseline: string };
  /** Further numbers (latencies, counts) for the JSON report and the table's notes. */
  details: Record<string, number | string | boolean>;
}

/**
 * A figure with its ratio computed.
 *
 * @example
 * ```ts
 * figure({ name: 'sales', unit: 'applied/s', ours: 100, baseline: 400, baselineName: 'raw', work, details: {} }).ratio; // 0.25
 * ```
 */
export function figure(input: Omit<Figure, 'ratio'>): Figure {
  const ratio = input.baseline === 0 ? 0 : Math.round((input.ours / input.baseline) * 1000) / 1000;
  return { ...input, ratio };
}
