/** p50, p95 and p99 of a set of durations, in ms. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Nearest-rank percentiles of `values` (ms), rounded to 0.1 ms; zeros for an empty set.
 *
 * @example
 * ```ts
 * percentiles([5, 1, 3]); // { p50: 3, p95: 5, p99: 5 }
 * ```
 */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => {
    if (sorted.length === 0) return 0;
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
    return Math.round((sorted[rank - 1] ?? 0) * 10) / 10;
  };
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/** Items per second over `ms`, to one decimal. */
export function perSecond(count: number, ms: number): number {
  return ms <= 0 ? 0 : Math.round((count / ms) * 10_000) / 10;
}
