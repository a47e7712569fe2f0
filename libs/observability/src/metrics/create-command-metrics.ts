import type { ObservabilityConfig } from '../config';
import { DISCARDED_METRICS, type CommandMetrics } from './command-metrics';
import { EmfCommandMetrics } from './emf-command-metrics';

/**
 * The app's metrics: EMF lines on stdout when `metricsEnabled` (on Lambda by default), else nothing, so
 * a terminal shows only the readable log. `POWERTOOLS_METRICS_DISABLED=false` shows them locally too.
 *
 * @example
 * const metrics = createCommandMetrics(loadObservabilityConfig('gateway', process.env));
 */
export function createCommandMetrics(config: Pick<ObservabilityConfig, 'serviceName' | 'metricsEnabled'>): CommandMetrics {
  return config.metricsEnabled ? new EmfCommandMetrics({ serviceName: config.serviceName }) : DISCARDED_METRICS;
}

/**
 * Counts messages moved back from a dead-letter queue: the function the replay tool calls after each
 * move, with the metrics of its own process.
 *
 * @example
 * recordReplay(metrics, 'orden-compra', moved.length);
 */
export function recordReplay(metrics: CommandMetrics, cola: string, count: number): void {
  if (count > 0) metrics.messagesReplayed(cola, count);
}
