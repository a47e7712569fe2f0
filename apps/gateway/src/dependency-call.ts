import type { Logger } from '@aws-lambda-powertools/logger';
import { describeError } from '@inventario/observability';
import { serviceUnavailable, type HttpError } from './http-errors';

/** Which dependency call this is, for its log line. */
export interface DependencyCallContext {
  logger: Logger;
  /** What was asked of the dependency: `publish`, `recordAccepted`, `ping`... */
  operation: string;
  correlationId?: string;
}

/**
 * Calls a dependency (the store, the publisher). When it throws, logs what failed (name and message
 * only: never a body, a signature or a stack) and throws 503 `NO_DISPONIBLE` with `Retry-After`.
 *
 * @example
 * const { messageId } = await callDependency({ logger, operation: 'publish', correlationId }, () =>
 *   publisher.publish(entry, envelope),
 * );
 */
export async function callDependency<T>(context: DependencyCallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw dependencyFailed(context, error);
  }
}

/** Logs a dependency's failure (name and message only) and gives the 503 to answer. */
export function dependencyFailed(context: DependencyCallContext, error: unknown): HttpError {
  context.logger.error('Dependency unavailable', {
    operation: context.operation,
    ...(context.correlationId !== undefined && { correlation_id: context.correlationId }),
    error: describeError(error),
  });
  return serviceUnavailable();
}
