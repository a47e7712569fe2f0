import type { OutcomeListener } from '@inventario/local-stack';
import type { BenchSystem } from './bench-system';
import { postAccepted, type LoopResult, type LoopRun } from './loop-run';
import { runPool } from './run-pool';

/** How long the last command may take from accept to outcome before the run is called broken. */
const OUTCOME_TIMEOUT_MS = 300_000;

/**
 * `concurrency` clients each post signed commands back to back, each sending its next once the last is
 * accepted (202), as a store's client does: it has its answer then, and the outcome comes later as an
 * event. So `concurrency` requests are in flight at the gateway, and as many commands queue behind it as
 * the consumers have not yet applied. Done when every command's outcome event has arrived; elapsed is from
 * the first POST to the last outcome, so the rate is the whole system's, not the gateway's alone.
 */
export async function runOpenLoop(system: BenchSystem, listener: OutcomeListener, key: string, run: LoopRun): Promise<LoopResult> {
  const startedAt = Date.now();
  const outcomes: Promise<{ done: boolean; receivedAt: number; latency: number }>[] = [];
  await runPool(
    Array.from({ length: run.count }, (_, i) => i),
    run.concurrency,
    async (i) => {
      const accepted = await postAccepted(system, key, run, i);
      outcomes.push(
        listener.finalOutcome(run.type, accepted.body.orden_id, OUTCOME_TIMEOUT_MS).then((outcome) => ({
          done: outcome.event.tipo === run.done,
          receivedAt: outcome.receivedAt,
          latency: outcome.receivedAt - accepted.answeredAt,
        })),
      );
    },
  );
  const results = await Promise.all(outcomes);
  return {
    done: results.filter((result) => result.done).length,
    elapsedMs: Math.max(...results.map((result) => result.receivedAt)) - startedAt,
    latencies: results.map((result) => result.latency),
  };
}
