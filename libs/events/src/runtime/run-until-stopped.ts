import { announceReady } from './announce-ready';

/** Something a local process runs in the background until told to stop. */
export interface StoppableApp {
  /** Lets the work in progress finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * The rest of a local background process's life once its work runs: tells the parent it is ready (as
 * `name`), then on SIGINT or SIGTERM lets the work in progress finish and exits 0.
 *
 * @example
 * runUntilStopped('orden-compra', startLocalConsumer('orden-compra'));
 */
export function runUntilStopped(name: string, app: StoppableApp): void {
  announceReady(name);
  const stop = () => {
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
