/**
 * Calls `probe` until it resolves, `gaveUp()` returns a reason, or `timeoutMs` passes; rejects with the
 * reason (or the probe's last error on time-out).
 *
 * @example
 * ```ts
 * await waitUntil(() => client.send(new ListTablesCommand({})), { timeoutMs: 60_000 });
 * ```
 */
export async function waitUntil(
  probe: () => Promise<unknown>,
  options: { timeoutMs: number; intervalMs?: number; gaveUp?: () => string | undefined },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const reason = options.gaveUp?.();
    if (reason !== undefined) throw new Error(reason);
    try {
      await probe();
      return;
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
