import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { commandEntry, MAX_RECEIVE_COUNT } from '@inventario/events';
import { purchase, TEST_KEY } from './support/commands';
import { countingApplier, destroyClients, startPurchaseConsumer, store, unreachableStore } from './support/consumer';
import { findFreePort as closedPort } from '@inventario/local-stack';
import { inv } from './support/run-inv';
import { createQueuePair, drained, eventually, sqs, type QueuePair } from './support/queues';
import { queueDepth } from '@inventario/dead-letters';

const entry = commandEntry('OrdenCompra');
const env = (pair: QueuePair) => ({ ...pair.env, SIGNATURE_SECRET: TEST_KEY });

afterAll(() => destroyClients());

describe('a command dead-lettered by a transient fault', () => {
  it('reaches its DLQ after 5 receives, is applied exactly once by replay run once the fault is fixed, and a second replay changes nothing', async () => {
    const pair = await createQueuePair(entry);
    const message = purchase({ cantidad: 7 });
    const { orden_id: ordenId } = message.envelope;
    const productoId = (JSON.parse(Buffer.from(message.envelope.cuerpo, 'base64').toString()) as { producto_id: string }).producto_id;

    // The fault: the consumer's table is unreachable (DynamoDB at a port nothing listens on).
    const broken = countingApplier(unreachableStore(await closedPort()));
    const failing = startPurchaseConsumer(pair, { applier: broken, retryDelaySeconds: 0 });
    await sqs.send(new SendMessageCommand({ QueueUrl: pair.queueUrl, MessageBody: message.body, MessageAttributes: message.attributes }));
    await eventually('the message to reach the DLQ', async () => (await queueDepth(sqs, pair.deadUrl)).visible === 1);
    await failing.stop();
    expect(broken.calls).toBe(MAX_RECEIVE_COUNT);
    await drained(pair.queueUrl);

    const peek = await inv(['replay', 'peek', entry.app, '--json'], env(pair));
    expect(peek.code).toBe(0);
    const [dead] = peek.json<{ messages: Record<string, unknown>[] }>().messages;
    expect(dead).toMatchObject({ tipo: 'OrdenCompra', orden_id: ordenId, productos: [productoId], firma: 'VALIDA', tampered: false });
    expect(dead?.receive_count).toBeGreaterThanOrEqual(MAX_RECEIVE_COUNT);

    // The fault fixed: the consumer runs with its real table again.
    const healthy = startPurchaseConsumer(pair);
    try {
      const first = await inv(['replay', 'run', entry.app, '--json'], env(pair));
      expect(first.code).toBe(0);
      expect(first.json()).toMatchObject({ moved: 1, failed: [], held_tampered: [] });
      await eventually('the command to be applied', async () => (await store.getCommand('OrdenCompra', ordenId))?.estado === 'APLICADA');
      await drained(pair.queueUrl);
      expect((await store.getProduct(productoId))?.stock).toBe(7);
      expect((await store.listMovements(productoId, { limit: 10 })).data).toHaveLength(1);

      // The same message dead-lettered again (say, a copy kept by an operator) and replayed once more.
      await sqs.send(new SendMessageCommand({ QueueUrl: pair.deadUrl, MessageBody: String(dead?.body), MessageAttributes: message.attributes }));
      const second = await inv(['replay', 'run', entry.app, '--json'], env(pair));
      expect(second.code).toBe(0);
      expect(second.json()).toMatchObject({ moved: 1 });
      await drained(pair.queueUrl);
      expect((await store.getProduct(productoId))?.stock).toBe(7);
      expect((await store.listMovements(productoId, { limit: 10 })).data).toHaveLength(1);
      expect((await queueDepth(sqs, pair.deadUrl)).visible).toBe(0);
    } finally {
      await healthy.stop();
    }
  });
});
