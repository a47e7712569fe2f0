import type { OutcomeListener } from '@inventario/local-stack';
import type { BenchSystem } from './bench-system';
import { postAccepted, type LoopResult, type LoopRun } from './loop-run';
import { runPool } from './run-pool';

/** How long one command may take from accept to outcome before the run is called broken. */
const OUTCOME_TIMEOUT_MS = 120_000;

/**
 * `concurrency` clients each post a signed command, wait for its outcome event on `InventarioEventos`,
 * then send the next: a closed loop, so exactly `concurrency` commands are in flight end to end.
 */
export async function runClosedLoop(system: BenchSystem, listener: OutcomeListener, key: string, run: LoopRun): Promise<LoopResult> {
  const latencies: number[] = [];
  let done = 0;
  const startedAt = Date.now();
  await runPool(
    Array.from({ length: run.count }, (_, i) => i),
    run.concurrency,
    async (i) => {
      const accepted = await postAccepted(system, key, run, i);
      const outcome = await listener.finalOutcome(run.type, accepted.body.orden_id, OUTCOME_TIMEOUT_MS);
      latencies.push(outcome.receivedAt - accepted.answeredAt);
      if (outcome.event.tipo === run.done) done++;
    },
  );
  return { done, elapsedMs: Date.now() - startedAt, latencies };
}
