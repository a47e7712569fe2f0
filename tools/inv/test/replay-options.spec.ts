import { commandEntry, COMMANDS, QUARANTINE_ATTRIBUTE } from '@inventario/events';
import { uniqueOrderId, uniqueProductId } from '@inventario/local-stack';
import { commandMessage, ordenIdOf, purchase, TEST_KEY } from './support/commands';
import { destroyClients } from './support/consumer';
import { inv } from './support/run-inv';
import { queueDepth } from '@inventario/dead-letters';
import { bodiesIn, createQueue, createQueuePair, eventually, sendAll, sqs, type QueuePair } from './support/queues';

const entry = commandEntry('OrdenCompra');
const env = (pair: QueuePair) => ({ ...pair.env, SIGNATURE_SECRET: TEST_KEY });
const ids = async (queueUrl: string) => (await bodiesIn(queueUrl)).map(ordenIdOf).sort();
const HOUR = 3600_000;

afterAll(() => destroyClients());

describe('replay run', () => {
  it('--filter producto_id= and orden_id= (with a trailing *) move only the matching messages', async () => {
    const pair = await createQueuePair(entry);
    const product = uniqueProductId();
    const lot = uniqueOrderId('lote');
    const forProduct = purchase({ productoId: product });
    const inLot = [purchase({ ordenId: `${lot}-1` }), purchase({ ordenId: `${lot}-2` })];
    const other = purchase();
    await sendAll(pair.deadUrl, [forProduct, ...inLot, other]);

    const byProduct = await inv(['replay', 'run', entry.app, '--filter', `producto_id=${product}`, '--json'], env(pair));
    expect(byProduct.code).toBe(0);
    expect(byProduct.json()).toMatchObject({ moved: 1, skipped: 3 });
    expect(await ids(pair.queueUrl)).toEqual([forProduct.envelope.orden_id]);

    const byOrder = await inv(['replay', 'run', entry.app, '--filter', `orden_id=${lot}-*`, '--json'], env(pair));
    expect(byOrder.json()).toMatchObject({ moved: 2, skipped: 1 });
    expect(await ids(pair.deadUrl)).toEqual([other.envelope.orden_id]);
  });

  it('--filter age> and tipo= move only commands old enough and of that type', async () => {
    const pair = await createQueuePair(entry);
    const old = purchase({ acceptedAt: new Date(Date.now() - 3 * HOUR) });
    const recent = purchase();
    const oldSale = commandMessage('OrdenVenta', { orden_id: uniqueOrderId(), producto_id: uniqueProductId(), cantidad: 1 }, { acceptedAt: new Date(Date.now() - 3 * HOUR) });
    await sendAll(pair.deadUrl, [old, recent, oldSale]);

    const run = await inv(['replay', 'run', entry.app, '--filter', 'age>2h', '--filter', 'tipo=OrdenCompra', '--json'], env(pair));
    expect(run.json()).toMatchObject({ moved: 1, skipped: 2 });
    expect(await ids(pair.queueUrl)).toEqual([old.envelope.orden_id]);
    expect(await ids(pair.deadUrl)).toEqual([recent.envelope.orden_id, oldSale.envelope.orden_id].sort());
  });

  it('--max moves no more than it is told', async () => {
    const pair = await createQueuePair(entry);
    await sendAll(pair.deadUrl, Array.from({ length: 25 }, () => purchase()));
    const run = await inv(['replay', 'run', entry.app, '--max', '12', '--json'], env(pair));
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ moved: 12 });
    expect(await bodiesIn(pair.queueUrl)).toHaveLength(12);
    expect(await bodiesIn(pair.deadUrl)).toHaveLength(13);
  });

  it('--dry-run says what would move and moves nothing', async () => {
    const pair = await createQueuePair(entry);
    const messages = Array.from({ length: 3 }, () => purchase());
    await sendAll(pair.deadUrl, messages);
    const run = await inv(['replay', 'run', entry.app, '--dry-run', '--json'], env(pair));
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ dry_run: true, moved: 3 });
    expect(await bodiesIn(pair.queueUrl)).toEqual([]);
    expect(await ids(pair.deadUrl)).toEqual(messages.map((m) => m.envelope.orden_id).sort());

    const human = await inv(['replay', 'run', entry.app, '--dry-run'], env(pair));
    expect(human.stdout).toMatch(/would move\s*│\s*3 \(orden-compra-dlq -> orden-compra\)/);
  });

  it('--to moves the messages to another queue, not to the service queue', async () => {
    const pair = await createQueuePair(entry);
    const elsewhere = await createQueue(`${uniqueOrderId('inv-to')}`, {});
    const messages = [purchase(), purchase()];
    await sendAll(pair.deadUrl, messages);
    const run = await inv(['replay', 'run', entry.app, '--to', elsewhere, '--json'], env(pair));
    expect(run.json()).toMatchObject({ moved: 2, to: elsewhere });
    expect(await ids(elsewhere)).toEqual(messages.map((m) => m.envelope.orden_id).sort());
    expect(await bodiesIn(pair.queueUrl)).toEqual([]);
    expect(await bodiesIn(pair.deadUrl)).toEqual([]);
  });

  it('leaves a tampered or quarantined message where it is and lists it, unless --include-tampered', async () => {
    const pair = await createQueuePair(entry);
    const good = purchase();
    const forged = purchase({ key: 'not-the-key' });
    const quarantined = commandMessage('OrdenCompra', { orden_id: uniqueOrderId(), producto_id: 'X', cantidad: -1 }, {
      extraAttributes: { [QUARANTINE_ATTRIBUTE]: 'MENSAJE_INVALIDO', detalle_cuarentena: 'body breaks the contract rules' },
    });
    await sendAll(pair.deadUrl, [good, forged, quarantined]);

    const run = await inv(['replay', 'run', entry.app, '--json'], env(pair));
    expect(run.code).toBe(0);
    const report = run.json<{ moved: number; held_tampered: { orden_id: string; firma: string; motivo_cuarentena: string | null }[] }>();
    expect(report.moved).toBe(1);
    expect(report.held_tampered).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ orden_id: forged.envelope.orden_id, firma: 'INVALIDA', motivo_cuarentena: null }),
        expect.objectContaining({ orden_id: quarantined.envelope.orden_id, firma: 'VALIDA', motivo_cuarentena: 'MENSAJE_INVALIDO' }),
      ]),
    );
    expect(await ids(pair.queueUrl)).toEqual([good.envelope.orden_id]);
    expect(await ids(pair.deadUrl)).toEqual([forged.envelope.orden_id, quarantined.envelope.orden_id].sort());

    const human = await inv(['replay', 'run', entry.app, '--dry-run'], env(pair));
    expect(human.stdout).toContain('signature failing or quarantined');
    expect(human.stdout).toContain(forged.envelope.orden_id);

    const forced = await inv(['replay', 'run', entry.app, '--include-tampered', '--json'], env(pair));
    expect(forced.json()).toMatchObject({ moved: 2, held_tampered: [] });
    expect(await bodiesIn(pair.deadUrl)).toEqual([]);
  });

  it('exits 2 when only some messages could be sent, and keeps the others in the DLQ', async () => {
    const pair = await createQueuePair(entry);
    const small = await createQueue(uniqueOrderId('inv-small'), { MaximumMessageSize: '1024' });
    const fits = purchase();
    const tooBig = commandMessage('OrdenCompra', { orden_id: uniqueOrderId(), producto_id: uniqueProductId(), cantidad: 1, nombre: '📦'.repeat(200), precio: 1 });
    expect(Buffer.byteLength(fits.body)).toBeLessThan(1024);
    expect(Buffer.byteLength(tooBig.body)).toBeGreaterThan(1024);
    await sendAll(pair.deadUrl, [fits, tooBig]);

    const run = await inv(['replay', 'run', entry.app, '--to', small, '--json'], env(pair));
    expect(run.code).toBe(2);
    expect(run.json()).toMatchObject({ moved: 1, failed: [expect.objectContaining({ orden_id: tooBig.envelope.orden_id })] });
    expect(await ids(pair.deadUrl)).toEqual([tooBig.envelope.orden_id]);
  });

  it('exits 1 and moves nothing when the target queue does not exist', async () => {
    const pair = await createQueuePair(entry);
    await sendAll(pair.deadUrl, [purchase()]);
    const missing = pair.queueUrl.replace(/[^/]+$/, 'no-such-queue');
    const run = await inv(['replay', 'run', entry.app, '--to', missing], env(pair));
    expect(run.code).toBe(1);
    expect(await bodiesIn(pair.deadUrl)).toHaveLength(1);
  });

  it('stops after the batch in hand when asked to stop (Ctrl-C), and says the run is partial', async () => {
    const pair = await createQueuePair(entry);
    await sendAll(pair.deadUrl, Array.from({ length: 30 }, () => purchase()));
    const stop = new AbortController();
    const running = inv(['replay', 'run', entry.app, '--rate', '5', '--json'], env(pair), stop.signal);
    await eventually('a first batch to be moved', async () => (await queueDepth(sqs, pair.queueUrl)).visible > 0);
    stop.abort();
    const run = await running;
    expect(run.code).toBe(2);
    const report = run.json<{ moved: number; interrupted: boolean }>();
    expect(report.interrupted).toBe(true);
    expect(report.moved).toBeGreaterThan(0);
    expect(report.moved).toBeLessThan(30);
    expect((await bodiesIn(pair.deadUrl)).length + (await bodiesIn(pair.queueUrl)).length).toBe(30);
  });

  it('refuses --native with a filter, and reports that the emulator has no StartMessageMoveTask', async () => {
    const pair = await createQueuePair(entry);
    await sendAll(pair.deadUrl, [purchase()]);
    const filtered = await inv(['replay', 'run', entry.app, '--native', '--filter', 'age>1h'], env(pair));
    expect(filtered.code).toBe(1);
    expect(filtered.stderr).toContain('--native moves the whole queue');
    const native = await inv(['replay', 'run', entry.app, '--native'], env(pair));
    expect(native.code).toBe(1);
    expect(native.stderr).toContain('no StartMessageMoveTask');
    expect(await bodiesIn(pair.deadUrl)).toHaveLength(1);
  });
});

describe('replay list and peek', () => {
  it('list shows every consumer queue and its DLQ, with the oldest dead message age', async () => {
    const pair = await createQueuePair(entry);
    await sendAll(pair.deadUrl, [purchase({ acceptedAt: new Date(Date.now() - 2 * HOUR) }), purchase()]);
    const run = await inv(['replay', 'list', '--json'], env(pair));
    expect(run.code).toBe(0);
    const rows = run.json<{ queues: { service: string; role: string; visible: number; in_flight: number; oldest_age_seconds: number | null }[] }>().queues;
    expect(rows).toHaveLength(COMMANDS.length * 2);
    const dead = rows.find((row) => row.service === entry.app && row.role === 'dlq');
    expect(dead).toMatchObject({ visible: 2, in_flight: 0 });
    expect(dead?.oldest_age_seconds).toBeGreaterThanOrEqual(2 * 3600);
    expect(rows.find((row) => row.service === entry.app && row.role === 'cola')).toMatchObject({ visible: 0, oldest_age_seconds: null });

    const human = await inv(['replay', 'list'], env(pair));
    expect(human.stdout).toMatch(/orden-compra-dlq \(DLQ\)\s*│\s*2\s*│\s*0\s*│\s*2 h/);
  });

  it('peek decodes each dead message, says whether its signature verifies, and removes none', async () => {
    const pair = await createQueuePair(entry);
    const good = purchase();
    const forged = purchase({ key: 'not-the-key' });
    await sendAll(pair.deadUrl, [good, forged]);
    const run = await inv(['replay', 'peek', entry.app], env(pair));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`${good.envelope.orden_id}.*VALIDA`));
    expect(run.stdout).toMatch(new RegExp(`${forged.envelope.orden_id}.*INVALIDA`));
    expect(await bodiesIn(pair.deadUrl)).toHaveLength(2);
  });
});
