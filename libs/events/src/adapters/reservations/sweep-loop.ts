/** A repeating sweep that can be stopped. */
export interface SweepLoop {
  /** Stops repeating; resolves once the sweep in flight, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `sweep` now and then `intervalMs` after each one ends (never two at once). A sweep that throws is
 * reported to `onError` and the loop goes on: the next sweep starts over from the store.
 *
 * @example
 * const loop = startSweepLoop(() => sweepReservations(deps), 1000, (error) => logger.error('Sweep failed', { error }));
 * process.once('SIGTERM', () => void loop.stop().then(() => process.exit(0)));
 */
export function startSweepLoop(sweep: () => Promise<unknown>, intervalMs: number, onError: (error: unknown) => void): SweepLoop {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  const run = (): void => {
    timer = undefined;
    inFlight = sweep()
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .then(() => {
        if (!stopped) timer = setTimeout(run, intervalMs);
      });
  };
  run();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
