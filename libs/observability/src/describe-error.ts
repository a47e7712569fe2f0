/** An error as a log line may show it. */
export interface LoggedError {
  name: string;
  message: string;
}

/**
 * An error as a log may show it: its name and message, never its stack (nor a cause, nor any property
 * that could hold a body or a key).
 *
 * @example
 * logger.error('Publish failed', { correlation_id, error: describeError(error) });
 */
export function describeError(error: unknown): LoggedError {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: typeof error, message: String(error) };
}
