import type { BenchSystem } from '../harness/bench-system';
import { orderId, productId } from '../harness/ids';
import { perSecond } from '../harness/latency';
import type { OutcomeListener } from '../harness/outcome-listener';
import { runPool } from '../harness/run-pool';
import { seedProducts } from '../harness/seed-products';
import { signedPost } from '../harness/signed-post';
import { figure, type Figure } from '../report/figure';

/** Size of the hot-product run. */
export interface HotProductOptions {
  sales: number;
  /** Stock of the one product: less than `sales`, so some must be refused and none oversold. */
  stock: number;
  /** POSTs in flight while the sales are sent. */
  sendConcurrency: number;
}

/**
 * (3) One hot product: `sales` single-unit sales of one item sent at once (they all sit in the queue
 * together), against the applied/s of (1). Checks zero oversell: exactly `stock` applied, the rest
 * refused, final stock 0 and equal to the sum of the product's ledger.
 *
 * @throws Error on any oversell, which the bench reports as a failure, not a figure.
 */
export async function hotProduct(
  system: BenchSystem,
  listener: OutcomeListener,
  key: string,
  options: HotProductOptions & { manyProductsAppliedPerSecond: number },
): Promise<Figure> {
  const id = productId(13, Date.now() % 1_000_000);
  await seedProducts(system.clients.dynamodb, [id], options.stock);
  const bodies = Array.from({ length: options.sales }, (_, i) => ({ orden_id: orderId('bench-caliente', i), producto_id: id, cantidad: 1 }));
  const startedAt = Date.now();
  await runPool(bodies, options.sendConcurrency, async (body) => {
    const answer = await signedPost(system.url, '/orden-venta', body, key);
    if (answer.status !== 202) throw new Error(`hot sale answered ${answer.status}`);
  });
  const outcomes = await Promise.all(bodies.map((body) => listener.finalOutcome('OrdenVenta', body.orden_id, 300_000)));
  const elapsed = Math.max(...outcomes.map((outcome) => outcome.receivedAt)) - startedAt;
  const applied = outcomes.filter((outcome) => outcome.event.tipo === 'StockActualizado').length;

  const product = await (await fetch(`${system.url}/productos/${id}`)).json() as { stock: number };
  const ledgerSum = await ledgerSumOf(system.url, id);
  const oversold = applied - options.stock;
  if (oversold > 0 || product.stock < 0 || product.stock !== ledgerSum || product.stock !== options.stock - applied) {
    throw new Error(`hot product oversold: applied ${applied} of stock ${options.stock}, stock now ${product.stock}, ledger sum ${ledgerSum}`);
  }
  const appliedPerSecond = perSecond(applied, elapsed);
  return figure({
    name: `(3) one hot product, ${options.sales} concurrent single-unit sales, stock ${options.stock}`,
    unit: 'applied/s',
    ours: appliedPerSecond,
    baseline: options.manyProductsAppliedPerSecond,
    baselineName: '(1) sales over many products',
    details: {
      applied,
      refused: outcomes.length - applied,
      outcomes_per_s: perSecond(outcomes.length, elapsed),
      final_stock: product.stock,
      oversold: Math.max(0, oversold),
      seconds: elapsed / 1000,
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
