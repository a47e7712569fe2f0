import { QUEUE_RETENTION_SECONDS } from '../../contract/catalogue';

/**
 * Milliseconds from the gateway's acceptance (`ocurrido`) to `now`, the figure logged as `latencia_ms`
 * and counted as `LatenciaProcesamiento`; `undefined` when it would mislead. A negative age (a clock
 * ahead, or a date from the future) and an age beyond the queue's retention (a dead letter replayed days
 * later, or a far past date) say nothing about how fast commands are processed, and one such value
 * would skew every percentile, so they are dropped rather than clamped.
 *
 * @example
 * processingLatencyMs('2026-01-01T00:00:00.000Z', new Date('2026-01-01T00:00:00.250Z')); // 250
 * processingLatencyMs('2026-01-01T00:00:01.000Z', new Date('2026-01-01T00:00:00.000Z')); // undefined
 */
export function processingLatencyMs(ocurrido: string, now: Date, maxAgeMs: number = QUEUE_RETENTION_SECONDS * 1000): number | undefined {
  const latency = now.getTime() - Date.parse(ocurrido);
  if (!Number.isFinite(latency) || latency < 0 || latency > maxAgeMs) return undefined;
  return latency;
}
