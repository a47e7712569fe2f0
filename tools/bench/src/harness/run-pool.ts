/**
 * Runs `work` over `items` with at most `concurrency` calls in flight, in order of the items; rejects
 * with the first error once the calls in flight have ended.
 *
 * @example
 * ```ts
 * await runPool(orders, 32, (order) => send(order));
 * ```
 */
export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        await work(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  if (failure) throw failure.error;
}
