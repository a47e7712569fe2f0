import { Tracer } from '@aws-lambda-powertools/tracer';
import type { ObservabilityConfig } from '../config';

/**
 * The app's X-Ray tracer: enabled on Lambda only (`tracingEnabled`); elsewhere every call is a no-op and
 * `captureAWSv3Client` returns the client untouched, so the same wiring runs everywhere.
 *
 * @example
 * const tracer = createTracer(config);
 * const dynamo = tracer.captureAWSv3Client(new DynamoDBClient({ region }));
 */
export function createTracer(config: Pick<ObservabilityConfig, 'serviceName' | 'tracingEnabled'>): Tracer {
  return new Tracer({ serviceName: config.serviceName, enabled: config.tracingEnabled });
}
