/** Largest command body accepted, in bytes (64 KiB); a body of exactly this size passes. */
export const MAX_BODY_BYTES = 65_536;

/** Seconds a client is asked to wait (`Retry-After`) when a dependency is down. */
export const RETRY_AFTER_SECONDS = 5;

/** The header that carries a request's correlation id, both ways. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** The header a client may name a command with when its body has no `orden_id`. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Default and largest page size of the paginated reads. */
export const MAX_PAGE_LIMIT = 1000;

/** Where the operations console is served, when it is on. */
export const CONSOLE_PATH = '/consola';
