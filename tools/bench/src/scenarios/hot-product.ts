import type { BenchSystem } from '../harness/bench-system';
import { watchGroupSizes } from '../harness/group-sizes';
import { orderId, productId } from '../harness/ids';
import { perSecond } from '../harness/latency';
import { signedPost, type OutcomeListener } from '@inventario/local-stack';
import { runPool } from '../harness/run-pool';
import { seedProducts } from '../harness/seed-products';
import { figure, type Figure } from '../report/figure';
import { rawSales } from './raw-sales';
import { groupWork } from './work';

/** Size of the hot-product run. */
export interface HotProductOptions {
  sales: number;
  /** Stock of the one product: less than `sales`, so some must be refused and none oversold. */
  stock: number;
  /** POSTs in flight while the sales are queued. */
  sendConcurrency: number;
  /** Transactions in flight in the baseline: the consumer's pollers. */
  baselineConcurrency: number;
}

/** The consumer of sales. */
const SALES_CONSUMER = 'movimiento-inventario';

/**
 * (3) One hot product: `sales` single-unit sales of one item with `stock` units. They are all queued
 * first, through the gateway, with the sale consumer frozen; then it runs again and the figure is
 * applied/s from then to the last outcome event: the write rate of one item, which (2) does not bound.
 * Baseline, same run: the same number of straight single-command `TransactWriteItems` (product Update
 * with `stock >= :q`, ledger Put, record Put) on one item of its own with the same stock, at the
 * consumer's concurrency. Checks zero oversell on both: exactly `stock` applied, final stock 0 and equal
 * to the sum of the product's ledger.
 *
 * @throws Error on any oversell, which the bench reports as a failure, not a figure.
 */
export async function hotProduct(system: BenchSystem, listener: OutcomeListener, key: string, options: HotProductOptions): Promise<Figure> {
  const id = productId(13, Date.now() % 1_000_000);
  const rawId = productId(16, Date.now() % 1_000_000);
  await seedProducts(system.clients.dynamodb, [id, rawId], options.stock);
  const bodies = Array.from({ length: options.sales }, (_, i) => ({ orden_id: orderId('bench-caliente', i), producto_id: id, cantidad: 1 }));

  // Frozen, not stopped: a consumer started afresh would spend its first second compiling its code
  // (groups taking twice as long), which a consumer running when a peak comes has long done, and which
  // the baseline, run in this warm process, does not pay. Its pollers' open receives take their
  // messages while it is frozen (well within the queue's visibility timeout) and hand them over when
  // it runs again.
  system.freeze(SALES_CONSUMER);
  try {
    await runPool(bodies, options.sendConcurrency, async (body) => {
      const answer = await signedPost(system.url, '/orden-venta', body, { key });
      if (answer.status !== 202) throw new Error(`hot sale answered ${answer.status}`);
    });
  } catch (error) {
    system.thaw(SALES_CONSUMER);
    throw error;
  }
  const groups = watchGroupSizes(system, SALES_CONSUMER);
  const startedAt = Date.now();
  system.thaw(SALES_CONSUMER);
  const outcomes = await Promise.all(bodies.map((body) => listener.finalOutcome('OrdenVenta', body.orden_id, 300_000)));
  const elapsed = Math.max(...outcomes.map((outcome) => outcome.receivedAt)) - startedAt;
  const sizes = groups.stop();
  const applied = outcomes.filter((outcome) => outcome.event.tipo === 'StockActualizado').length;

  const product = (await (await fetch(`${system.url}/productos/${id}`)).json()) as { stock: number };
  const ledgerSum = await ledgerSumOf(system.url, id);
  const oversold = applied - options.stock;
  if (oversold > 0 || product.stock < 0 || product.stock !== ledgerSum || product.stock !== options.stock - applied) {
    throw new Error(`hot product oversold: applied ${applied} of stock ${options.stock}, stock now ${product.stock}, ledger sum ${ledgerSum}`);
  }

  const raw = await rawSales(
    system.clients.dynamodb,
    bodies.map(() => ({ productoId: rawId, cantidad: 1 })),
    options.baselineConcurrency,
    { firstVersion: 2, idLabel: 'raw-caliente' },
  );
  if (raw.applied !== options.stock) throw new Error(`the baseline applied ${raw.applied} sales of stock ${options.stock}`);

  const appliedPerSecond = perSecond(applied, elapsed);
  return figure({
    name: `(3) one hot product, ${options.sales} single-unit sales, stock ${options.stock}`,
    unit: 'applied/s',
    ours: appliedPerSecond,
    baseline: raw.perSecond,
    baselineName: `single-command TransactWriteItems on one item, ${options.baselineConcurrency} in flight`,
    work: {
      ours: groupWork(sizes),
      baseline: '1 TransactWriteItems of 3 items (product Update, ledger Put, record Put) per sale, all on one item',
    },
    details: {
      applied,
      refused: outcomes.length - applied,
      oversold: Math.max(0, oversold),
      final_stock: product.stock,
      seconds: elapsed / 1000,
      groups: sizes.groups,
      sales_per_group: sizes.mean,
      baseline_applied: raw.applied,
      baseline_refused: raw.refused,
      baseline_conflicts_retried: raw.conflicts,
      baseline_p50_ms: raw.latency.p50,
    },
  });
}

async function ledgerSumOf(baseUrl: string, id: string): Promise<number> {
  let sum = 0;
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: '1000', ...(cursor && { cursor }) });
    const page = (await (await fetch(`${baseUrl}/productos/${id}/movimientos?${query}`)).json()) as { data: { cantidad: number }[]; siguiente?: string };
    sum += page.data.reduce((total, entry) => total + entry.cantidad, 0);
    cursor = page.siguiente;
  } while (cursor);
  return sum;
}
