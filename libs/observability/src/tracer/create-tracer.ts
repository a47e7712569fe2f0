import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { ObservabilityConfig } from '../config';

/** The part of Powertools' `Tracer` the apps use; {@link createTracer} answers it without X-Ray off Lambda. */
export type AppTracer = Pick<
  Tracer,
  | 'isTracingEnabled'
  | 'captureAWSv3Client'
  | 'getSegment'
  | 'setSegment'
  | 'annotateColdStart'
  | 'addServiceNameAnnotation'
  | 'putAnnotation'
  | 'addErrorAsMetadata'
>;

/**
 * The app's X-Ray tracer: Powertools' `Tracer` on Lambda (`tracingEnabled`); elsewhere a tracer whose
 * every call is a no-op and whose `captureAWSv3Client` returns the client untouched, so the same wiring
 * runs everywhere.
 *
 * Why the package is loaded only when tracing is on: importing it loads the X-Ray SDK, whose context
 * tracking installs an async hook that follows every promise of the process. Measured with Node 24, two
 * million awaits take 17 times as long with it loaded, and the AWS SDK is made of promises: a local
 * gateway or consumer paid for X-Ray on every call without ever tracing one.
 *
 * @example
 * const tracer = createTracer(config);
 * const dynamo = tracer.captureAWSv3Client(new DynamoDBClient({ region }));
 */
export function createTracer(config: Pick<ObservabilityConfig, 'serviceName' | 'tracingEnabled'>): AppTracer {
  if (!config.tracingEnabled) return DISABLED_TRACER;
  // Loaded here and not at the top of the file, for the reason above; the Lambda bundles still contain it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Tracer: PowertoolsTracer } = require('@aws-lambda-powertools/tracer') as typeof import('@aws-lambda-powertools/tracer');
  return new PowertoolsTracer({ serviceName: config.serviceName, enabled: true });
}

const DISABLED_TRACER: AppTracer = {
  isTracingEnabled: () => false,
  captureAWSv3Client: (client) => client,
  getSegment: () => undefined,
  setSegment: () => undefined,
  annotateColdStart: () => undefined,
  addServiceNameAnnotation: () => undefined,
  putAnnotation: () => undefined,
  addErrorAsMetadata: () => undefined,
};
