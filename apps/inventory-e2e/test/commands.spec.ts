import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commandEntry, QUARANTINE_ATTRIBUTE } from '@inventario/events';
import {
  listenToOutcomes,
  notYet,
  signedEnvelope,
  signedPost,
  uniqueOrderId,
  uniqueProductId,
  waitUntil,
  type OutcomeListener,
} from '@inventario/local-stack';
import { signLegacy } from '@inventario/signature';
import request from 'supertest';
import { waitForOutcome, type Outcome } from './support/client';
import { drainQueue, publishRaw, waitForQueuesDrained } from './support/messaging';
import { settleAll } from './support/settle-all';
import { startSystem, type RunningSystem } from './support/system';

const KEY = 'e2e-signing-key';
let system: RunningSystem;
let outcomes: OutcomeListener;

beforeAll(async () => {
  await settleAll([startSystem({ key: KEY }).then((running) => (system = running)), listenToOutcomes(process.env).then((listener) => (outcomes = listener))]);
});

afterAll(async () => {
  await Promise.all([system?.stop(), outcomes?.stop()]);
});

async function send(route: string, body: unknown): Promise<Outcome> {
  const accepted = await signedPost(system.url, route, body, { key: KEY });
  expect(accepted.status).toBe(202);
  return waitForOutcome(system.url, accepted.body.estado_url);
}

async function purchase(productoId: string, cantidad: number): Promise<void> {
  const outcome = await send('/orden-compra', { orden_id: uniqueOrderId('compra'), producto_id: productoId, cantidad, nombre: 'Producto de prueba', precio: 10 });
  expect(outcome.estado).toBe('APLICADA');
}

async function product(productoId: string) {
  const response = await request(system.url).get(`/productos/${productoId}`);
  return response.body as { stock: number; estado: boolean };
}

async function ledger(productoId: string) {
  const entries: { orden_id: string; tipo: string; cantidad: number; stock_resultante: number }[] = [];
  let cursor: string | undefined;
  do {
    const response = await request(system.url)
      .get(`/productos/${productoId}/movimientos`)
      .query({ limit: 100, ...(cursor && { cursor }) });
    expect(response.status).toBe(200);
    entries.push(...response.body.data);
    cursor = response.body.siguiente;
  } while (cursor);
  return entries;
}

describe('the old clients', () => {
  const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures/postman', `${name}.json`), 'utf8');

  it('get the same final product from the Postman bodies sent to /dev with the legacy signature', async () => {
    for (const route of ['orden-compra', 'orden-venta', 'actualizar-producto', 'eliminar-productos']) {
      const body = fixture(route);
      const accepted = await request(system.url)
        .post(`/dev/${route}`)
        .set('Content-Type', 'application/json')
        .set('X-Signature', signLegacy(KEY, body))
        .send(body);
      expect(accepted.status).toBe(202);
      expect(accepted.headers.location).toBe(accepted.body.estado_url);
      const outcome = await waitForOutcome(system.url, `/dev${accepted.body.estado_url}`);
      expect(outcome.estado).toBe('APLICADA');
    }
    const final = await request(system.url).get('/dev/productos/PRO001');
    expect(final.status).toBe(200);
    expect(final.body).toEqual({
      producto_id: 'PRO001',
      nombre: 'Laptop Lenovo IdeaPad',
      stock: 45,
      precio: 2300000.5,
      estado: false,
    });
    const inventory = await request(system.url).get('/dev/obtener-inventario');
    expect(inventory.status).toBe(200);
    expect(inventory.body.data).toContainEqual(final.body);
  });
});

describe('concurrent sales', () => {
  it('apply exactly as many as the stock allows and never go below zero', async () => {
    const productoId = uniqueProductId();
    await purchase(productoId, 50);
    const accepted = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        signedPost(system.url, '/orden-venta', { orden_id: `venta-${productoId}-${i}`, producto_id: productoId, cantidad: 1 }, { key: KEY }),
      ),
    );
    expect(accepted.map((r) => r.status)).toEqual(Array(150).fill(202));
    const results = await Promise.all(accepted.map((r) => waitForOutcome(system.url, r.body.estado_url)));
    expect(results.filter((o) => o.estado === 'APLICADA')).toHaveLength(50);
    const rejected = results.filter((o) => o.estado === 'RECHAZADA');
    expect(rejected).toHaveLength(100);
    expect(new Set(rejected.map((o) => o.motivo?.codigo))).toEqual(new Set(['STOCK_INSUFICIENTE']));
    expect((await product(productoId)).stock).toBe(0);
    const entries = await ledger(productoId);
    const sales = entries.filter((e) => e.tipo === 'VENTA');
    expect(sales.reduce((sum, e) => sum + e.cantidad, 0)).toBe(-50);
    expect(entries.reduce((sum, e) => sum + e.cantidad, 0)).toBe(0);
  });
});

describe('a command sent more than once', () => {
  it('applies once when the same orden_id is posted 10 times, and every answer has the same estado_url', async () => {
    const productoId = uniqueProductId();
    await purchase(productoId, 20);
    const body = { orden_id: uniqueOrderId('retry'), producto_id: productoId, cantidad: 3 };
    const answers = await Promise.all(Array.from({ length: 10 }, () => signedPost(system.url, '/orden-venta', body, { key: KEY })));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([202]));
    expect(new Set(answers.map((a) => a.body.estado_url)).size).toBe(1);
    const outcome = await waitForOutcome(system.url, answers[0]!.body.estado_url);
    expect(outcome.estado).toBe('APLICADA');
    await outcomes.waitFor((e) => e.orden_id === body.orden_id && e.tipo === 'StockActualizado');
    // Let every duplicate delivery reach the consumer before checking nothing applied twice.
    await waitForQueuesDrained();
    expect((await product(productoId)).stock).toBe(17);
    expect((await ledger(productoId)).filter((e) => e.orden_id === body.orden_id)).toHaveLength(1);
  });

  it('applies once when the same message is delivered 10 times', async () => {
    const productoId = uniqueProductId();
    const envelope = signedEnvelope('OrdenCompra', { orden_id: uniqueOrderId('redelivery'), producto_id: productoId, cantidad: 7, nombre: 'Repetido', precio: 1 }, KEY);
    await Promise.all(Array.from({ length: 10 }, () => publishRaw(commandEntry('OrdenCompra'), envelope)));
    const outcome = await waitForOutcome(system.url, `/orden-compra/${envelope.orden_id}`);
    expect(outcome.estado).toBe('APLICADA');
    await waitForQueuesDrained();
    expect((await product(productoId)).stock).toBe(7);
    expect(await ledger(productoId)).toHaveLength(1);
  });

  it('never applies the same orden_id with another body, and keeps the first outcome', async () => {
    const productoId = uniqueProductId();
    await purchase(productoId, 10);
    const ordenId = uniqueOrderId('reused');
    const first = await send('/orden-venta', { orden_id: ordenId, producto_id: productoId, cantidad: 2 });
    expect(first.estado).toBe('APLICADA');
    const second = await signedPost(system.url, '/orden-venta', { orden_id: ordenId, producto_id: productoId, cantidad: 5 }, { key: KEY });
    expect([202, 409]).toContain(second.status);
    await outcomes.waitFor((e) => e.orden_id === ordenId && e.tipo === 'OrdenRechazada' && e.motivo.codigo === 'ORDEN_DUPLICADA');
    expect((await product(productoId)).stock).toBe(8);
    expect(await waitForOutcome(system.url, `/orden-venta/${ordenId}`)).toEqual(first);
  });
});

describe('a multi-line sale', () => {
  it('changes nothing when one line is short, and every line when all are covered', async () => {
    const [a, b] = [uniqueProductId(), uniqueProductId()];
    await Promise.all([purchase(a, 5), purchase(b, 1)]);
    const short = await send('/orden-venta', { orden_id: uniqueOrderId('multi'), items: [{ producto_id: a, cantidad: 2 }, { producto_id: b, cantidad: 2 }] });
    expect(short.estado).toBe('RECHAZADA');
    expect(short.motivo?.codigo).toBe('STOCK_INSUFICIENTE');
    expect([(await product(a)).stock, (await product(b)).stock]).toEqual([5, 1]);
    const full = await send('/orden-venta', { orden_id: uniqueOrderId('multi'), items: [{ producto_id: a, cantidad: 2 }, { producto_id: b, cantidad: 1 }] });
    expect(full.estado).toBe('APLICADA');
    expect(full.lineas).toEqual([
      { producto_id: a, cantidad: -2, stock_resultante: 3 },
      { producto_id: b, cantidad: -1, stock_resultante: 0 },
    ]);
    expect([(await product(a)).stock, (await product(b)).stock]).toEqual([3, 0]);
  });
});

describe('a message published straight to a topic with a bad signature', () => {
  it('is not applied, not recorded under its orden_id, and kept in the dead-letter queue', async () => {
    const productoId = uniqueProductId();
    const envelope = signedEnvelope('OrdenCompra', { orden_id: uniqueOrderId('tampered'), producto_id: productoId, cantidad: 9, nombre: 'Falso', precio: 1 }, 'not-the-key');
    await publishRaw(commandEntry('OrdenCompra'), envelope);
    const kept = await waitForDeadLetter('orden-compra-dlq', envelope.id);
    expect(kept.MessageAttributes?.[QUARANTINE_ATTRIBUTE]?.StringValue).toBe('FIRMA_INVALIDA');
    expect((await request(system.url).get(`/productos/${productoId}`)).status).toBe(404);
    expect((await request(system.url).get(`/orden-compra/${envelope.orden_id}`)).status).toBe(404);
  });
});

async function waitForDeadLetter(queue: string, envelopeId: string) {
  return waitUntil(
    async () => {
      const messages = await drainQueue(queue, { remove: false, waitSeconds: 2 });
      return messages.find((m) => m.Body?.includes(envelopeId)) ?? notYet(`message ${envelopeId} not found in ${queue}`);
    },
    { timeoutMs: 30_000, intervalMs: 0 },
  );
}
