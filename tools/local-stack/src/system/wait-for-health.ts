import { waitUntil } from '../wait-until';

/**
 * Resolves once `GET <baseUrl>/health` answers 200, asking every `intervalMs` (default 200); rejects
 * when `gaveUp()` gives a reason (say, the gateway exited) or after `timeoutMs`.
 *
 * @example
 * ```ts
 * await waitForHealth('http://localhost:3000', { timeoutMs: 60_000 });
 * ```
 */
export async function waitForHealth(
  baseUrl: string,
  options: { timeoutMs: number; intervalMs?: number; gaveUp?: () => string | undefined },
): Promise<void> {
  await waitUntil(
    async () => {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status !== 200) throw new Error(`GET /health answered ${response.status}`);
    },
    { timeoutMs: options.timeoutMs, intervalMs: options.intervalMs ?? 200, ...(options.gaveUp ? { gaveUp: options.gaveUp } : {}) },
  );
}
