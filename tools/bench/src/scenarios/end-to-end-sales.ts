import { orderId, productId } from '../harness/ids';
import { percentiles, perSecond } from '../harness/latency';
import type { OutcomeListener } from '@inventario/local-stack';
import { runClosedLoop } from '../harness/closed-loop';
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

/** Applied per second and latencies of end-to-end sales, for the hot-product ratio. */
export interface SalesRunResult {
  figure: Figure;
  appliedPerSecond: number;
}

/**
 * (1) Sales over many products at a fixed concurrency: `concurrency` clients each send a signed sale,
 * wait for its outcome event, then send the next (a closed loop, so `concurrency` commands are in flight
 * end to end). Baseline: the same transactions (same items, same conditions) sent straight to DynamoDB
 * Local at the same concurrency, on products of their own.
 */
export async function endToEndSales(system: BenchSystem, listener: OutcomeListener, key: string, options: SalesRunOptions): Promise<SalesRunResult> {
  const stock = Math.ceil(options.sales / options.products) + 10;
  const ours = Array.from({ length: options.products }, (_, i) => productId(11, i));
  const theirs = Array.from({ length: options.products }, (_, i) => productId(12, i));
  await seedProducts(system.clients.dynamodb, [...ours, ...theirs], stock);

  const groups = watchGroupSizes(system, 'movimiento-inventario');
  const run = await runClosedLoop(system, listener, key, {
    route: '/orden-venta',
    type: 'OrdenVenta',
    body: (i) => ({ orden_id: orderId('bench-venta', i), producto_id: ours[i % ours.length], cantidad: 1 }),
    done: 'StockActualizado',
    count: options.sales,
    concurrency: options.concurrency,
  });
  const { latencies, done: applied, elapsedMs: elapsed } = run;
  const sizes = groups.stop();

  const lines: SaleLine[] = Array.from({ length: options.sales }, (_, i) => ({ productoId: theirs[i % theirs.length] ?? '', cantidad: 1 }));
  const raw = await rawSales(system.clients.dynamodb, lines, options.concurrency, { firstVersion: 2 });

  const appliedPerSecond = perSecond(applied, elapsed);
  const ourLatency = percentiles(latencies);
  return {
    appliedPerSecond,
    figure: figure({
      name: `(1) sales, ${options.sales} over ${options.products} products, ${options.concurrency} in flight`,
      unit: 'applied/s',
      ours: appliedPerSecond,
      baseline: raw.perSecond,
      baselineName: 'TransactWriteItems straight to DynamoDB Local',
      work: {
        ours: `gateway: its PENDIENTE record in 1 TransactWriteItems and its envelope in 1 SNS PublishBatch (up to 10), both shared with the requests accepted at the same time, side by side; consumer: ${groupWork(sizes.mean, 2, Math.min(sizes.mean, options.products))}`,
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
        baseline_applied: raw.applied,
        baseline_p50_ms: raw.latency.p50,
        baseline_p95_ms: raw.latency.p95,
        baseline_p99_ms: raw.latency.p99,
      },
    }),
  };
}
