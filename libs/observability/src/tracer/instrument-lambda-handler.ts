import type { Logger } from '@aws-lambda-powertools/logger';
import type { AppTracer } from './create-tracer';
import type { Context } from 'aws-lambda';

/** A Lambda handler as the platform writes them: an event and the context, a promise of the result. */
export type LambdaHandler<TEvent, TResult> = (event: TEvent, context: Context) => Promise<TResult>;

/** What {@link instrumentLambdaHandler} adds to each invocation. */
export interface LambdaInstrumentation<TResult> {
  logger: Logger;
  tracer: AppTracer;
  /** The handler subsegment's name: `## <name>`. */
  name: string;
  /** Annotations (indexed, searchable in X-Ray) taken from the result, such as the correlation id. */
  annotate?: (result: TResult) => Record<string, string | undefined>;
}

/**
 * Wraps a Lambda handler so each invocation's log lines carry the Lambda context (request id, function
 * name, cold start) and, when tracing is on, runs inside a `## <name>` X-Ray subsegment annotated with the
 * cold start, the service and `annotate(result)`; an error is added to it as metadata and thrown on.
 * With tracing off (always, off Lambda) the handler runs untouched.
 *
 * @example
 * export const handler = instrumentLambdaHandler({ logger, tracer, name: 'gateway' }, toLambdaHandler(app));
 */
export function instrumentLambdaHandler<TEvent, TResult>(
  instrumentation: LambdaInstrumentation<TResult>,
  handler: LambdaHandler<TEvent, TResult>,
): LambdaHandler<TEvent, TResult> {
  const { logger, tracer, name, annotate } = instrumentation;
  return async (event, context) => {
    if (context) logger.addContext(context);
    const parent = tracer.isTracingEnabled() ? tracer.getSegment() : undefined;
    if (!parent) return handler(event, context);

    const subsegment = parent.addNewSubsegment(`## ${name}`);
    tracer.setSegment(subsegment);
    tracer.annotateColdStart();
    tracer.addServiceNameAnnotation();
    try {
      const result = await handler(event, context);
      for (const [key, value] of Object.entries(annotate?.(result) ?? {})) {
        if (value !== undefined) tracer.putAnnotation(key, value);
      }
      return result;
    } catch (error) {
      if (error instanceof Error) tracer.addErrorAsMetadata(error);
      throw error;
    } finally {
      subsegment.close();
      tracer.setSegment(parent);
    }
  };
}
