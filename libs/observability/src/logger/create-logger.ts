import { Logger } from '@aws-lambda-powertools/logger';
import type { ObservabilityConfig } from '../config';
import { ReadableLogger } from './readable-logger';

/**
 * The app's logger: the Powertools Logger writing one JSON object per line (`logFormat: 'json'`, always
 * on Lambda), or the same entries as readable lines (`'readable'`, the local default). The level comes
 * from `POWERTOOLS_LOG_LEVEL` (default `INFO`).
 *
 * @example
 * const logger = createLogger(loadObservabilityConfig('gateway', process.env));
 */
export function createLogger(config: Pick<ObservabilityConfig, 'serviceName' | 'logFormat'>): Logger {
  const options = { serviceName: config.serviceName };
  return config.logFormat === 'readable' ? new ReadableLogger(options) : new Logger(options);
}
