/**
 * Waits for every start, then throws the first failure. Each start assigns what it started in its own
 * `then`, so when one fails the others are already assigned and `afterAll` stops them: a system left
 * running would go on consuming the next spec's queues.
 *
 * @example
 * await settleAll([startSystem({ key }).then((running) => (system = running)), launchBrowser().then((b) => (browser = b))]);
 */
export async function settleAll(starts: readonly Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(starts);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
}
