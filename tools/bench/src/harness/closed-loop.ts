import type { OutcomeListener } from '@inventario/local-stack';
import { signedPost } from '@inventario/local-stack';
import type { BenchSystem } from './bench-system';
import { runPool } from './run-pool';

/** How long one command may take from accept to outcome before the run is called broken. */
const OUTCOME_TIMEOUT_MS = 120_000;

/** A run of one command type through the whole system, closed loop or open (`open-loop.ts`). */
export interface LoopRun {
  /** The route posted to, and the command type whose outcome event ends each command. */
  route: string;
  type: string;
  /** The body of the i-th command; it carries its `orden_id`. */
  body: (index: number) => { orden_id: string } & Record<string, unknown>;
  /** The outcome event that counts the command as done (`StockActualizado`, `ReservaCreada`). */
  done: string;
  count: number;
  concurrency: number;
}

/** What a run measured. */
export interface LoopResult {
  /** Commands whose outcome event was {@link LoopRun.done}. */
  done: number;
  elapsedMs: number;
  /** Accept (202 answered) to outcome event received, per command. */
  latencies: number[];
}

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
      const body = run.body(i);
      const accepted = await signedPost(system.url, run.route, body, { key });
      if (accepted.status !== 202) throw new Error(`${run.route} ${i} answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
      const outcome = await listener.finalOutcome(run.type, body.orden_id, OUTCOME_TIMEOUT_MS);
      latencies.push(outcome.receivedAt - accepted.answeredAt);
      if (outcome.event.tipo === run.done) done++;
    },
  );
  return { done, elapsedMs: Date.now() - startedAt, latencies };
}
