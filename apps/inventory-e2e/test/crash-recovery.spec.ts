import request from 'supertest';
import { notYet, signedPost, uniqueOrderId, uniqueProductId, waitUntil } from '@inventario/local-stack';
import { waitForOutcome } from './support/client';
import { startSystem, type RunningSystem } from './support/system';

const KEY = 'e2e-crash-key';
let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem({ key: KEY });
});

afterAll(async () => {
  await system?.stop();
});

async function ledgerOf(productoId: string) {
  const entries: { orden_id: string; cantidad: number }[] = [];
  let cursor: string | undefined;
  do {
    const response = await request(system.url).get(`/productos/${productoId}/movimientos`).query({ limit: 1000, ...(cursor && { cursor }) });
    entries.push(...response.body.data);
    cursor = response.body.siguiente;
  } while (cursor);
  return entries;
}

describe('a consumer killed in the middle of its batches', () => {
  it('loses nothing and applies nothing twice once its messages are redelivered', async () => {
    const products = [uniqueProductId(), uniqueProductId(), uniqueProductId()];
    for (const productoId of products) {
      const accepted = await signedPost(system.url, '/orden-compra', { orden_id: uniqueOrderId('stock'), producto_id: productoId, cantidad: 1000, nombre: 'Stock', precio: 1 }, { key: KEY });
      expect((await waitForOutcome(system.url, accepted.body.estado_url)).estado).toBe('APLICADA');
    }

    // Queue up the sales while the consumer is down, so it starts on a full queue.
    await system.kill('movimiento-inventario');
    const orders = Array.from({ length: 300 }, (_, i) => ({ orden_id: uniqueOrderId(`crash${i}`), producto_id: products[i % 3]!, cantidad: 1 }));
    const accepted = await Promise.all(orders.map((body) => signedPost(system.url, '/orden-venta', body, { key: KEY })));
    expect(accepted.every((r) => r.status === 202)).toBe(true);

    const applied = async () => (await Promise.all(products.map(ledgerOf))).reduce((n, entries) => n + entries.length - 1, 0);
    for (const threshold of [40, 120]) {
      await system.restart('movimiento-inventario');
      await waitUntil(async () => ((await applied()) >= threshold ? undefined : notYet('condition not met in time')), { timeoutMs: 60_000, intervalMs: 20 });
      await system.kill('movimiento-inventario', 'SIGKILL');
    }
    const appliedAtLastKill = await applied();
    expect(appliedAtLastKill).toBeLessThan(orders.length);
    await system.restart('movimiento-inventario');

    const outcomes = await Promise.all(accepted.map((r) => waitForOutcome(system.url, r.body.estado_url, 120_000)));
    expect(outcomes.every((o) => o.estado === 'APLICADA')).toBe(true);
    for (const productoId of products) {
      const entries = await ledgerOf(productoId);
      const perOrder = new Map<string, number>();
      for (const entry of entries) perOrder.set(entry.orden_id, (perOrder.get(entry.orden_id) ?? 0) + 1);
      expect([...perOrder.values()].every((count) => count === 1)).toBe(true);
      expect(entries).toHaveLength(101);
      const stock = (await request(system.url).get(`/productos/${productoId}`)).body.stock;
      expect(stock).toBe(900);
      expect(entries.reduce((sum, e) => sum + e.cantidad, 0)).toBe(stock);
    }
  });
});
