import { METRIC_NAMES, type MetricName } from '../constants';
import type { CommandMetrics } from './command-metrics';

/** One recorded fact: the metric it would be, its dimensions and its value. */
export interface RecordedMetric {
  name: MetricName;
  dimensions: Record<string, string>;
  value: number;
}

/**
 * {@link CommandMetrics} kept in memory, named and dimensioned exactly as {@link EmfCommandMetrics} would
 * emit them: for tests that assert what was counted.
 *
 * @example
 * const metrics = new RecordingCommandMetrics();
 * metrics.messageQuarantined('OrdenCompra', 'FIRMA_INVALIDA');
 * metrics.count('MensajesEnCuarentena', { motivo: 'FIRMA_INVALIDA' }); // 1
 */
export class RecordingCommandMetrics implements CommandMetrics {
  readonly recorded: RecordedMetric[] = [];

  commandAccepted(tipo: string): void {
    this.#record(METRIC_NAMES.commandAccepted, { tipo });
  }

  requestRefused(codigo: string): void {
    this.#record(METRIC_NAMES.requestRefused, { codigo });
  }

  signatureRejected(codigo: string): void {
    this.#record(METRIC_NAMES.signatureRejected, { codigo });
  }

  commandApplied(tipo: string): void {
    this.#record(METRIC_NAMES.commandApplied, { tipo });
  }

  commandRejected(tipo: string, codigo: string): void {
    this.#record(METRIC_NAMES.commandRejected, { tipo, codigo });
  }

  messageQuarantined(tipo: string, motivo: string): void {
    this.#record(METRIC_NAMES.messageQuarantined, { tipo, motivo });
  }

  processingLatency(tipo: string, milliseconds: number): void {
    this.#record(METRIC_NAMES.processingLatency, { tipo }, Math.max(0, milliseconds));
  }

  messagesReplayed(cola: string, count: number): void {
    this.#record(METRIC_NAMES.messagesReplayed, { cola }, count);
  }

  /** The sum of the values recorded under `name` whose dimensions include `dimensions`. */
  count(name: MetricName, dimensions: Record<string, string> = {}): number {
    return this.recorded
      .filter((metric) => metric.name === name && Object.entries(dimensions).every(([key, value]) => metric.dimensions[key] === value))
      .reduce((sum, metric) => sum + metric.value, 0);
  }

  #record(name: MetricName, dimensions: Record<string, string>, value = 1): void {
    this.recorded.push({ name, dimensions, value });
  }
}
