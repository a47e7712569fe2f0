import { signedPost } from '@inventario/local-stack';
import type { BenchSystem } from './bench-system';

/** A run of one command type through the whole system, closed loop (`closed-loop.ts`) or open (`open-loop.ts`). */
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
 * Posts the `index`-th command of `run`, signed with `key`.
 *
 * @returns its body (with its `orden_id`) and when its 202 arrived.
 * @throws Error naming the route and the answer for anything but 202.
 */
export async function postAccepted(system: BenchSystem, key: string, run: LoopRun, index: number): Promise<{ body: ReturnType<LoopRun['body']>; answeredAt: number }> {
  const body = run.body(index);
  const accepted = await signedPost(system.url, run.route, body, { key });
  if (accepted.status !== 202) throw new Error(`${run.route} ${index} answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
  return { body, answeredAt: accepted.answeredAt };
}
