import { productId } from '../harness/ids';
import { percentiles, perSecond } from '../harness/latency';
import type { OutcomeListener } from '@inventario/local-stack';
import { runClosedLoop } from '../harness/closed-loop';
import { runOpenLoop } from '../harness/open-loop';
import { saleRun } from '../harness/sale-run';
import { seedProducts } from '../harness/seed-products';
import type { BenchSystem } from '../harness/bench-system';
import { watchGroupSizes } from '../harness/group-sizes';
import { rawSales, type SaleLine } from './raw-sales';
import { groupWork } from './work';
import { figure, type Figure } from '../report/figure';

/** Size of the end-to-end sales run. */
export interface SalesRunOptions {
  sales: number;
  products: number;
  concurrency: number;
}

/**
 * (1) Sales over many products at a fixed concurrency: `concurrency` clients each send signed sales back
 * to back, the next once the last is accepted (an open loop: what a store's client does, since its answer
 * is the 202 and the outcome an event), until `sales` are sent; the figure is applied/s from the first
 * POST to the last outcome event, and the latency from each 202 to its outcome. The closed loop (each
 * client waits for its outcome event before its next sale, so never more than `concurrency` commands in
 * the whole system) runs too, on products of its own, and is reported beside it. Baseline: the same
 * transactions (same items, same conditions) sent straight to DynamoDB Local with `concurrency` in
 * flight, on products of their own.
 */
export async function endToEndSales(system: BenchSystem, listener: OutcomeListener, key: string, options: SalesRunOptions): Promise<Figure> {
  const stock = Math.ceil(options.sales / options.products) + 10;
  const ours = Array.from({ length: options.products }, (_, i) => productId(11, i));
  const closed = Array.from({ length: options.products }, (_, i) => productId(18, i));
  const theirs = Array.from({ length: options.products }, (_, i) => productId(12, i));
  await seedProducts(system.clients.dynamodb, [...ours, ...closed, ...theirs], stock);
  const sale = (label: string, products: string[]) => saleRun(label, products, options.sales, options.concurrency);

  const groups = watchGroupSizes(system, 'movimiento-inventario');
  const run = await runOpenLoop(system, listener, key, sale('bench-venta', ours));
  const { latencies, done: applied, elapsedMs: elapsed } = run;
  const sizes = groups.stop();
  const closedGroups = watchGroupSizes(system, 'movimiento-inventario');
  const closedRun = await runClosedLoop(system, listener, key, sale('bench-venta-cerrada', closed));
  const closedSizes = closedGroups.stop();

  const lines: SaleLine[] = Array.from({ length: options.sales }, (_, i) => ({ productoId: theirs[i % theirs.length] ?? '', cantidad: 1 }));
  const raw = await rawSales(system.clients.dynamodb, lines, options.concurrency, { firstVersion: 2 });

  const appliedPerSecond = perSecond(applied, elapsed);
  const ourLatency = percentiles(latencies);
  const closedPerSecond = perSecond(closedRun.done, closedRun.elapsedMs);
  const closedLatency = percentiles(closedRun.latencies);
  return figure({
    name: `(1) sales, ${options.sales} over ${options.products} products, ${options.concurrency} clients`,
    unit: 'applied/s',
    ours: appliedPerSecond,
    baseline: raw.perSecond,
    baselineName: 'TransactWriteItems straight to DynamoDB Local',
    work: {
      ours: `each client's next sale once the last is accepted; gateway: its PENDIENTE record in 1 TransactWriteItems and its envelope in 1 SNS PublishBatch (up to 10), both shared with the requests accepted at the same time, side by side; consumer: ${groupWork(sizes)}`,
      baseline: '1 TransactWriteItems of 3 items (product Update, ledger Put, record Put) per sale',
    },
    details: {
      applied,
      seconds: elapsed / 1000,
      accept_to_outcome_p50_ms: ourLatency.p50,
      accept_to_outcome_p95_ms: ourLatency.p95,
      accept_to_outcome_p99_ms: ourLatency.p99,
      groups: sizes.groups,
      sales_per_group: sizes.mean,
      closed_loop_applied_per_s: closedPerSecond,
      closed_loop_ratio: Math.round((closedPerSecond / raw.perSecond) * 1000) / 1000,
      closed_loop_p50_ms: closedLatency.p50,
      closed_loop_p99_ms: closedLatency.p99,
      closed_loop_sales_per_group: closedSizes.mean,
      baseline_applied: raw.applied,
      baseline_p50_ms: raw.latency.p50,
      baseline_p95_ms: raw.latency.p95,
      baseline_p99_ms: raw.latency.p99,
    },
  });
}
