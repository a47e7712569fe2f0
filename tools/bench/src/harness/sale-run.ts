import { orderId } from './ids';
import type { LoopRun } from './loop-run';

/**
 * A run of `count` single-unit sales over `products` in turn, ids `<label>-<run>-<i>`, each done once
 * its `StockActualizado` arrives.
 *
 * @example
 * await runOpenLoop(system, listener, key, saleRun('bench-venta', products, 1500, 16));
 */
export function saleRun(label: string, products: readonly string[], count: number, concurrency: number): LoopRun {
  return {
    route: '/orden-venta',
    type: 'OrdenVenta',
    body: (i) => ({ orden_id: orderId(label, i), producto_id: products[i % products.length], cantidad: 1 }),
    done: 'StockActualizado',
    count,
    concurrency,
  };
}
