import { notYet, waitUntil } from '@inventario/local-stack';
import type { BenchSystem } from '../harness/bench-system';

/** Kills consumers on a schedule. */
export interface ConsumerKiller {
  /** How many SIGKILLs were sent. */
  readonly kills: number;
  /** Kills no more until {@link resume}; resolves once the current victim, if any, runs again. */
  pause(): Promise<void>;
  resume(): void;
  /** Stops once at least `minKills` were done and the current victim runs again. */
  stop(minKills: number): Promise<void>;
}

/**
 * Every `everyMs`, SIGKILLs the next consumer in turn (mid-batch, whatever it was doing), waits a
 * moment and starts it again, waiting until it is ready: one consumer down at a time.
 */
export function startConsumerKiller(system: BenchSystem, everyMs: number, onError: (error: Error) => void): ConsumerKiller {
  let kills = 0;
  let running = true;
  let paused = false;
  let turnDone: Promise<void> = Promise.resolve();
  const loop = (async () => {
    for (let turn = 0; running; turn++) {
      await new Promise((resolve) => setTimeout(resolve, everyMs));
      if (!running) break;
      if (paused) continue;
      const victim = system.consumers[turn % system.consumers.length] ?? '';
      turnDone = (async () => {
        await system.kill(victim);
        kills++;
        await new Promise((resolve) => setTimeout(resolve, 200));
        await system.restart(victim).catch((error: Error) => onError(error));
      })();
      await turnDone;
    }
  })();
  return {
    get kills() {
      return kills;
    },
    pause: async () => {
      paused = true;
      await turnDone;
    },
    resume: () => {
      paused = false;
    },
    stop: async (minKills) => {
      // The chaos run's deadline bounds the wait.
      await waitUntil(async () => (kills >= minKills ? undefined : notYet(`${kills} of ${minKills} kills so far`)), { timeoutMs: Number.POSITIVE_INFINITY, intervalMs: 100 });
      running = false;
      await loop;
    },
  };
}

