import { COMMANDS, commandEntry } from '@inventario/events';
import { KeyRing } from '@inventario/signature';
import {
  peekMessages,
  queueDepth,
  queueOverview,
  replayMessages,
  summarizeDeadMessage,
  RECEIVES_EXHAUSTED,
  type ReplayPlan,
} from '@inventario/dead-letters';
import { config, freshQueue, KEY, plant, saleMessage, sqs } from './planted-messages';

const keyRing = KeyRing.fromSecret(KEY);
const sale = commandEntry('OrdenVenta');

function plan(overrides: Partial<ReplayPlan> & Pick<ReplayPlan, 'sourceUrl' | 'targetUrl'>): ReplayPlan {
  return {
    sqs,
    keyRing,
    filter: () => true,
    max: undefined,
    ratePerSecond: undefined,
    dryRun: false,
    includeTampered: false,
    batchVisibilitySeconds: 30,
    holdSeconds: 60,
    settleSeconds: 1,
    stopSignal: new AbortController().signal,
    now: () => new Date(),
    ...overrides,
  };
}

afterAll(() => sqs.destroy());

describe('dead letters', () => {
  it('finds the messages of one orden_id however deep they sit, past what one look shows', async () => {
    const dead = await freshQueue('dl-deep');
    const planted = Array.from({ length: 30 }, () => saleMessage());
    for (const message of planted) await plant(dead, message.body);
    const wanted = planted[planted.length - 1]!.envelope.orden_id;

    const firstLook = await peekMessages(sqs, dead, { max: 5, keyRing });
    const found = await peekMessages(sqs, dead, { max: 5, keyRing, matches: (message) => message.ordenId === wanted });

    expect(firstLook).toHaveLength(5);
    expect(found.map((message) => message.ordenId)).toEqual([wanted]);
    expect((await queueDepth(sqs, dead)).visible).toBe(30);
  });

  it('shows a dead message without its body or its signature', async () => {
    const dead = await freshQueue('dl-peek');
    const planted = saleMessage();
    await plant(dead, planted.body);

    const [message] = await peekMessages(sqs, dead, { max: 10, keyRing });
    const summary = summarizeDeadMessage(message!);

    expect(summary).toMatchObject({
      tipo: 'OrdenVenta',
      orden_id: planted.envelope.orden_id,
      productos: ['PRO001'],
      motivo: RECEIVES_EXHAUSTED,
      verificacion_firma: 'VALIDA',
      apartado: false,
    });
    expect(summary.recepciones).toBeGreaterThanOrEqual(1);
    const shown = JSON.stringify(summary);
    expect(shown).not.toContain(planted.envelope.firma.split('v1=')[1]);
    expect(shown).not.toContain(planted.envelope.cuerpo);
    expect((await queueDepth(sqs, dead)).visible).toBe(1);
  });

  it('lists every consumer queue and its dead-letter queue, with the oldest dead message age', async () => {
    const dead = await freshQueue('dl-overview');
    const live = await freshQueue('dl-overview-live');
    await plant(dead, saleMessage({ ageSeconds: 120 }).body);
    const urls = { ...config.queueUrls, [sale.queue]: live, [sale.deadLetterQueue]: dead };
    const locator = { url: async (name: string) => urls[name] ?? Promise.reject(new Error(`no queue ${name}`)) };

    const rows = await queueOverview(sqs, locator, keyRing, new Date());

    expect(rows).toHaveLength(COMMANDS.length * 2);
    const deadRow = rows.find((row) => row.queue === sale.deadLetterQueue);
    expect(deadRow).toMatchObject({ service: sale.app, role: 'dlq', visible: 1 });
    expect(deadRow?.oldestAgeSeconds).toBeGreaterThanOrEqual(119);
    expect(rows.find((row) => row.queue === sale.queue)).toMatchObject({ role: 'cola', visible: 0, oldestAgeSeconds: undefined });
  });

  it('replays with a dry run that moves nothing, then moves what verifies and holds what is tampered', async () => {
    const dead = await freshQueue('dl-replay');
    const target = await freshQueue('dl-replay-target');
    const good = saleMessage();
    await plant(dead, good.body);
    await plant(dead, saleMessage({ key: 'not-our-key' }).body);

    const dry = await replayMessages(plan({ sourceUrl: dead, targetUrl: target, dryRun: true }));
    expect(dry.moved.map((message) => message.ordenId)).toEqual([good.envelope.orden_id]);
    expect(dry.heldTampered).toHaveLength(1);
    expect((await queueDepth(sqs, target)).visible).toBe(0);
    expect((await queueDepth(sqs, dead)).visible).toBe(2);

    const real = await replayMessages(plan({ sourceUrl: dead, targetUrl: target }));
    expect(real.moved.map((message) => message.ordenId)).toEqual([good.envelope.orden_id]);
    expect((await queueDepth(sqs, target)).visible).toBe(1);
    expect((await queueDepth(sqs, dead)).visible).toBe(1);
  });
});
