/** Requests per minute each client IP may make to a local gateway when `RATE_LIMIT_PER_MINUTE` is unset. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60_000;

/**
 * The local per-client limit, from `RATE_LIMIT_PER_MINUTE`: default 60000 (1,000 a second: a client polling hundreds of `estado_url`s on a dev machine stays under it, a runaway loop does not), `0` turns it off; anything
 * but a whole number >= 0 throws, naming the variable.
 *
 * @example
 * parseRateLimit(process.env.RATE_LIMIT_PER_MINUTE); // 60000 when unset
 */
export function parseRateLimit(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_RATE_LIMIT_PER_MINUTE;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`RATE_LIMIT_PER_MINUTE must be a whole number >= 0 (got "${raw}")`);
  return value;
}
