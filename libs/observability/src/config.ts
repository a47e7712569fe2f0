import { ObservabilityConfigError } from './errors';

/** How an app's logs are written. */
export type LogFormat = 'json' | 'readable';

/**
 * How an app logs, measures and traces, read once at its edge by {@link loadObservabilityConfig}.
 */
export interface ObservabilityConfig {
  /** The `service` of every log line and metric: the app's name. */
  serviceName: string;
  /** True inside AWS Lambda (`AWS_LAMBDA_FUNCTION_NAME` is set). */
  onLambda: boolean;
  /** `json` on Lambda; `readable` (one line of text per entry) elsewhere. */
  logFormat: LogFormat;
  /** Metrics written as CloudWatch EMF to stdout: on Lambda by default, off elsewhere. */
  metricsEnabled: boolean;
  /** X-Ray tracing: on Lambda only (there is no X-Ray daemon elsewhere). */
  tracingEnabled: boolean;
}

/**
 * Reads the observability settings from the environment:
 *
 * | variable | default | meaning |
 * |---|---|---|
 * | `LOG_FORMAT` | `json` on Lambda, `readable` elsewhere | `json` or `readable` |
 * | `POWERTOOLS_METRICS_DISABLED` | `false` on Lambda, `true` elsewhere | `false` writes EMF lines to stdout |
 * | `POWERTOOLS_TRACE_ENABLED` | `true` | `false` turns X-Ray off on Lambda; never on elsewhere |
 *
 * `POWERTOOLS_LOG_LEVEL` (default `INFO`) is read by the logger itself.
 *
 * @example
 * const config = loadObservabilityConfig('gateway', process.env);
 */
export function loadObservabilityConfig(serviceName: string, env: NodeJS.ProcessEnv): ObservabilityConfig {
  const onLambda = (env.AWS_LAMBDA_FUNCTION_NAME ?? '') !== '';
  return {
    serviceName,
    onLambda,
    logFormat: parseLogFormat(env.LOG_FORMAT, onLambda),
    metricsEnabled: !parseBoolean('POWERTOOLS_METRICS_DISABLED', env.POWERTOOLS_METRICS_DISABLED, !onLambda),
    tracingEnabled: onLambda && parseBoolean('POWERTOOLS_TRACE_ENABLED', env.POWERTOOLS_TRACE_ENABLED, true),
  };
}

function parseLogFormat(raw: string | undefined, onLambda: boolean): LogFormat {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '') return onLambda ? 'json' : 'readable';
  if (value === 'json' || value === 'readable') return value;
  throw new ObservabilityConfigError(`LOG_FORMAT must be json or readable (got ${JSON.stringify(raw)})`);
}

function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  throw new ObservabilityConfigError(`${name} must be true or false (got ${JSON.stringify(raw)})`);
}
