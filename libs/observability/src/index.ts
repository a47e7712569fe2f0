/**
 * `@inventario/observability`: how every app logs, measures and traces, on Lambda and on a developer's
 * machine. Powertools Logger (JSON on Lambda, one readable line per entry locally), CloudWatch EMF
 * metrics in the namespace `Inventario` behind a small {@link CommandMetrics} interface, and the X-Ray
 * tracer on Lambda only.
 */
export { loadObservabilityConfig, type LogFormat, type ObservabilityConfig } from './config';
export { createObservability, type Observability } from './create-observability';
export { describeError, type LoggedError } from './describe-error';
export { ObservabilityConfigError } from './errors';
export { METRIC_NAMES, METRICS_NAMESPACE, type MetricName } from './constants';
export { createLogger } from './logger/create-logger';
export { formatReadableLine } from './logger/format-readable-line';
export { ReadableLogger, type ReadableOutput } from './logger/readable-logger';
export { DISCARDED_METRICS, type CommandMetrics } from './metrics/command-metrics';
export { createCommandMetrics, recordReplay } from './metrics/create-command-metrics';
export { EmfCommandMetrics } from './metrics/emf-command-metrics';
export { RecordingCommandMetrics, type RecordedMetric } from './metrics/recording-command-metrics';
export { createTracer, type AppTracer } from './tracer/create-tracer';
export { instrumentLambdaHandler, type LambdaHandler, type LambdaInstrumentation } from './tracer/instrument-lambda-handler';
