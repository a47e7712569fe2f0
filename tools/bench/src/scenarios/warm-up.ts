import type { OutcomeListener } from '@inventario/local-stack';
import type { BenchSystem } from '../harness/bench-system';
import { productId } from '../harness/ids';
import { runOpenLoop } from '../harness/open-loop';
import { saleRun } from '../harness/sale-run';
import { seedProducts } from '../harness/seed-products';
import { rawSales } from './raw-sales';

/** Size of the warm-up. */
export interface WarmUpOptions {
  sales: number;
  concurrency: number;
}

/** Products the warm-up sells, apart from every figure's. */
const PRODUCTS = 50;

/**
 * Runs `sales` sales through the system (as figure 1 does) and as many straight transactions (as its
 * baseline does), on products of their own, and reports nothing. DynamoDB Local's JVM compiles its code
 * paths during its first thousands of requests, at several times the CPU of a warm request: without
 * this, whichever figure ran first paid for all of it, and its baseline, measured after it, for none.
 */
export async function warmUp(system: BenchSystem, listener: OutcomeListener, key: string, options: WarmUpOptions): Promise<void> {
  const ours = Array.from({ length: PRODUCTS }, (_, i) => productId(19, i));
  const theirs = Array.from({ length: PRODUCTS }, (_, i) => productId(19, PRODUCTS + i));
  await seedProducts(system.clients.dynamodb, [...ours, ...theirs], Math.ceil(options.sales / PRODUCTS) + 10);
  await runOpenLoop(system, listener, key, saleRun('bench-calentamiento', ours, options.sales, options.concurrency));
  const lines = Array.from({ length: options.sales }, (_, i) => ({ productoId: theirs[i % PRODUCTS] ?? '', cantidad: 1 }));
  await rawSales(system.clients.dynamodb, lines, options.concurrency, { firstVersion: 2, idLabel: 'raw-calentamiento' });
}
