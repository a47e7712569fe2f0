import { NotYetError } from './errors';

/**
 * Calls `probe` until it resolves, `gaveUp()` returns a reason, or `timeoutMs` passes, and resolves with
 * what the probe resolved with; rejects with the reason (or the probe's last error on time-out). The one
 * polling loop of the workspace's tools and tests: a probe says "not yet" by throwing.
 *
 * @example
 * ```ts
 * await waitUntil(() => client.send(new ListTablesCommand({})), { timeoutMs: 60_000 });
 * const found = await waitUntil(async () => events.find(match) ?? notYet('no matching event'), { timeoutMs: 30_000 });
 * ```
 */
export async function waitUntil<T>(
  probe: () => Promise<T>,
  options: { timeoutMs: number; intervalMs?: number; gaveUp?: () => string | undefined },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const reason = options.gaveUp?.();
    if (reason !== undefined) throw new Error(reason);
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? lastError.message : String(lastError);
      throw new Error(`did not answer within ${Math.round(options.timeoutMs / 1000)} s (last error: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 150));
  }
}

/**
 * What a {@link waitUntil} probe throws for "not yet".
 *
 * @example
 * ```ts
 * await waitUntil(async () => ((await depth()) === 0 ? undefined : notYet('the queue still holds messages')), { timeoutMs: 60_000 });
 * ```
 */
export function notYet(what: string): never {
  throw new NotYetError(what);
}
