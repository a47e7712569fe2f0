import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRIC_NAMES, METRICS_NAMESPACE, type MetricName } from '../constants';
import type { CommandMetrics } from './command-metrics';

type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];

/**
 * {@link CommandMetrics} as CloudWatch Embedded Metric Format, through the Powertools Metrics utility:
 * each fact is written at once as its own EMF line on stdout (a "single metric"), so it carries its own
 * dimensions (`tipo`, `codigo`...) and nothing waits for a flush at the end of an invocation. On Lambda,
 * CloudWatch Logs turns those lines into metrics of the namespace `Inventario`.
 *
 * @example
 * const metrics = new EmfCommandMetrics({ serviceName: 'gateway' });
 * metrics.commandAccepted('OrdenVenta'); // {"_aws":{...,"Metrics":[{"Name":"ComandosAceptados",...}]},"tipo":"OrdenVenta",...}
 */
export class EmfCommandMetrics implements CommandMetrics {
  readonly #metrics: Metrics;

  constructor(options: { serviceName: string; namespace?: string }) {
    this.#metrics = new Metrics({ namespace: options.namespace ?? METRICS_NAMESPACE, serviceName: options.serviceName });
  }

  commandAccepted(tipo: string): void {
    this.#emit(METRIC_NAMES.commandAccepted, { tipo });
  }

  requestRefused(codigo: string): void {
    this.#emit(METRIC_NAMES.requestRefused, { codigo });
  }

  signatureRejected(codigo: string): void {
    this.#emit(METRIC_NAMES.signatureRejected, { codigo });
  }

  commandApplied(tipo: string): void {
    this.#emit(METRIC_NAMES.commandApplied, { tipo });
  }

  commandRejected(tipo: string, codigo: string): void {
    this.#emit(METRIC_NAMES.commandRejected, { tipo, codigo });
  }

  messageQuarantined(tipo: string, motivo: string): void {
    this.#emit(METRIC_NAMES.messageQuarantined, { tipo, motivo });
  }

  processingLatency(tipo: string, milliseconds: number): void {
    this.#emit(METRIC_NAMES.processingLatency, { tipo }, MetricUnit.Milliseconds, Math.max(0, milliseconds));
  }

  messagesReplayed(cola: string, count: number): void {
    this.#emit(METRIC_NAMES.messagesReplayed, { cola }, MetricUnit.Count, count);
  }

  #emit(name: MetricName, dimensions: Record<string, string>, unit: Unit = MetricUnit.Count, value = 1): void {
    const single = this.#metrics.singleMetric();
    for (const [dimension, dimensionValue] of Object.entries(dimensions)) single.addDimension(dimension, dimensionValue);
    single.addMetric(name, unit, value);
  }
}
