import type { ErrorCode } from '@inventario/inventory-core';

/**
 * Errors of this lib. Each carries a `codigo` of `ERROR_CODES` and, when another error caused it, that
 * error as its `cause` (for a debugger; logs show name and message only, `describeError`).
 */

/**
 * A command type or an app the catalogue does not know: a programming or deployment mistake, never a
 * client's (`ERROR_INTERNO`).
 *
 * @example
 * ```ts
 * throw new UnknownCommandError(`No catalogue entry for ${type}`);
 * ```
 */
export class UnknownCommandError extends Error {
  override readonly name = 'UnknownCommandError';
  readonly codigo = 'ERROR_INTERNO' satisfies ErrorCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * A setting this lib needs is missing or cannot be used (a queue URL, a topic ARN, `STOCK_MINIMO`): the
 * process must not run with it (`ERROR_INTERNO`). The message names the setting, never a secret.
 *
 * @example
 * ```ts
 * if (!topicArn) throw new RuntimeConfigError(`No topic ARN configured for ${entry.topic}`);
 * ```
 */
export class RuntimeConfigError extends Error {
  override readonly name = 'RuntimeConfigError';
  readonly codigo = 'ERROR_INTERNO' satisfies ErrorCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * SNS refused some outcome events of a batch. The command's transaction is committed; the message is
 * retried, and its redelivery publishes the outcome again (`NO_DISPONIBLE`).
 *
 * @example
 * ```ts
 * if (result.Failed?.length) throw new OutcomePublishError(result.Failed.length);
 * ```
 */
export class OutcomePublishError extends Error {
  override readonly name = 'OutcomePublishError';
  readonly codigo = 'NO_DISPONIBLE' satisfies ErrorCode;

  constructor(
    readonly failed: number,
    options?: ErrorOptions,
  ) {
    super(`${failed} outcome events were not published`, options);
  }
}

/**
 * SNS refused one command envelope of a `PublishBatch` (it says why, and whether the sender is at
 * fault): the command was not published, so the gateway answers 503 (`NO_DISPONIBLE`) and the client
 * retries.
 *
 * @example
 * ```ts
 * throw new CommandPublishError(failed.Code ?? 'unknown', failed.Message);
 * ```
 */
export class CommandPublishError extends Error {
  override readonly name = 'CommandPublishError';
  readonly codigo = 'NO_DISPONIBLE' satisfies ErrorCode;

  constructor(
    readonly snsCode: string,
    detail?: string,
  ) {
    super(`SNS did not publish the command (${snsCode}${detail ? `: ${detail}` : ''})`);
  }
}

/**
 * The query function failed (it crashed, timed out, or answered an error other than a bad cursor): the
 * gateway answers 503 (`NO_DISPONIBLE`).
 *
 * @example
 * ```ts
 * if (result.FunctionError) throw new QueryFailedError(`Query function failed: ${result.FunctionError}`);
 * ```
 */
export class QueryFailedError extends Error {
  override readonly name = 'QueryFailedError';
  readonly codigo = 'NO_DISPONIBLE' satisfies ErrorCode;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
