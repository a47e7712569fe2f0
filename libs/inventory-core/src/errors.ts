import type { ErrorCode } from './error-codes';

/**
 * Errors of this lib. Each carries the contract's `codigo` (one of `ERROR_CODES`), so an edge (the
 * gateway, a query handler) can answer with it without comparing messages, and, when another error
 * caused it, that error as its `cause`.
 */

/**
 * A page cursor that this store did not make: it does not decode, or it names a position in another
 * listing (another table, another product's ledger). A client error: answer 400 `VALIDACION`.
 *
 * @example
 * ```ts
 * try {
 *   await store.listMovements('PRO001', { limit: 10, cursor });
 * } catch (error) {
 *   if (error instanceof InvalidCursorError) return badRequest(error.codigo, error.message);
 *   throw error;
 * }
 * ```
 */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  readonly codigo = 'VALIDACION' as const satisfies ErrorCode;

  constructor(reason = 'does not name a position in this listing', options?: ErrorOptions) {
    super(`Invalid cursor: ${reason}`, options);
  }
}

/**
 * The store could not finish now but may later: retry (the queue redelivers the message; the gateway
 * answers 503 `NO_DISPONIBLE`). Nothing was written.
 *
 * @example
 * ```ts
 * if (error instanceof TransientStoreError) throw error; // let the queue redeliver it
 * ```
 */
export class TransientStoreError extends Error {
  override readonly name: string = 'TransientStoreError';
  readonly codigo = 'NO_DISPONIBLE' as const satisfies ErrorCode;
  /** Always true: marks the error as one worth retrying. */
  readonly transient = true as const;
}

/**
 * A command lost the race for its products more times than allowed (`maxConflictRetries`): other
 * commands kept changing them between its read and its write. Nothing was written; applying it again
 * later is safe.
 *
 * @example
 * ```ts
 * await store.apply(command, context).catch((error) => {
 *   if (error instanceof ConflictRetriesExhaustedError) logger.warn('hot product', { intentos: error.attempts });
 *   throw error;
 * });
 * ```
 */
export class ConflictRetriesExhaustedError extends TransientStoreError {
  override readonly name = 'ConflictRetriesExhaustedError';

  constructor(
    readonly ordenId: string,
    readonly attempts: number,
  ) {
    super(`Command ${ordenId} met a concurrent change on each of its ${attempts} attempts`);
  }
}

/**
 * An item in a table does not have the shape this store writes (a command record with an unknown
 * `estado`, a product without `producto_id`). Someone wrote it by hand; it needs a person.
 *
 * @example
 * ```ts
 * if (error instanceof StoredItemError) logger.error('bad item', { tabla: error.table });
 * ```
 */
export class StoredItemError extends Error {
  override readonly name = 'StoredItemError';
  readonly codigo = 'NO_DISPONIBLE' as const satisfies ErrorCode;

  constructor(
    readonly table: string,
    detail: string,
    options?: ErrorOptions,
  ) {
    super(`Unreadable item in ${table}: ${detail}`, options);
  }
}
