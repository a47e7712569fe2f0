import { commandEntry } from '@inventario/events';
import { queueDepth } from '@inventario/dead-letters';
import { ordenIdOf, purchase, TEST_KEY } from './support/commands';
import { spawnCli } from './support/cli-process';
import { destroyClients, startPurchaseConsumer, store } from './support/consumer';
import { inv } from './support/run-inv';
import { bodiesIn, createQueuePair, drained, eventually, sendAll, sqs } from './support/queues';

const entry = commandEntry('OrdenCompra');
const TOTAL = 500;

afterAll(() => destroyClients());

async function appliedAmong(ids: readonly string[]): Promise<Set<string>> {
  const applied = new Set<string>();
  for (let start = 0; start < ids.length; start += 25) {
    const outcomes = await Promise.all(ids.slice(start, start + 25).map((id) => store.getCommand('OrdenCompra', id)));
    outcomes.forEach((outcome, index) => outcome?.estado === 'APLICADA' && applied.add(ids[start + index] ?? ''));
  }
  return applied;
}

describe('replay run killed halfway through 500 dead messages', () => {
  it('loses none: DLQ + queue + applied account for all 500, and a second run finishes with no duplicate effect', async () => {
    const pair = await createQueuePair(entry);
    const env = { ...pair.env, SIGNATURE_SECRET: TEST_KEY };
    const messages = Array.from({ length: TOTAL }, () => purchase({ cantidad: 1 }));
    const ids = messages.map((message) => message.envelope.orden_id);
    await sendAll(pair.deadUrl, messages);
    expect((await queueDepth(sqs, pair.deadUrl)).visible).toBe(TOTAL);

    let consumer = startPurchaseConsumer(pair, { concurrency: 4 });
    // The real CLI, slowed down so that "halfway" is a moment a test can catch; its batch in hand is
    // hidden for 10 s, so whatever it held when killed is back soon.
    const run = spawnCli(['replay', 'run', entry.app, '--json', '--rate', '100', '--visibility', '10'], env);
    await eventually('half the messages to leave the DLQ', async () => (await queueDepth(sqs, pair.deadUrl)).visible <= TOTAL / 2, 60_000);
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    await consumer.stop();

    const inDeadLetters = new Set((await bodiesIn(pair.deadUrl)).map(ordenIdOf));
    const inQueue = new Set((await bodiesIn(pair.queueUrl)).map(ordenIdOf));
    const applied = await appliedAmong(ids);
    expect(inDeadLetters.size).toBeGreaterThan(0);
    expect(applied.size).toBeGreaterThan(0);
    expect(new Set([...inDeadLetters, ...inQueue, ...applied]).size).toBe(TOTAL);
    // Each message is in exactly one place, except at worst the one batch the kill fell between a send and its delete.
    expect(inDeadLetters.size + inQueue.size + applied.size).toBeGreaterThanOrEqual(TOTAL);
    expect(inDeadLetters.size + inQueue.size + applied.size).toBeLessThanOrEqual(TOTAL + 10);

    consumer = startPurchaseConsumer(pair, { concurrency: 4 });
    try {
      const second = await inv(['replay', 'run', entry.app, '--json'], env);
      expect(second.code).toBe(0);
      expect(second.json()).toMatchObject({ moved: inDeadLetters.size, failed: [], duplicated: [] });
      await drained(pair.queueUrl);
    } finally {
      await consumer.stop();
    }
    expect((await queueDepth(sqs, pair.deadUrl)).visible + (await queueDepth(sqs, pair.deadUrl)).inFlight).toBe(0);
    expect((await appliedAmong(ids)).size).toBe(TOTAL);
    const stocks = await Promise.all(messages.map((message) => store.getProduct(JSON.parse(Buffer.from(message.envelope.cuerpo, 'base64').toString()).producto_id)));
    expect(stocks.every((product) => product?.stock === 1)).toBe(true);
  });
});
