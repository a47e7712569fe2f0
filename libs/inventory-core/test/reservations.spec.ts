import { commandFingerprint, DynamoInventoryStore, type ApplyResult, type Command, type StoreCommand } from '../src';
import { localDynamoDb, sharedTables, stockUp, uniqueOrderId, uniqueProductId, wholeLedger } from './support/local-dynamodb';
import { applyAt, hold, locationOf, saleAt } from './support/locations';

const client = localDynamoDb();
const store = new DynamoInventoryStore({ client, tables: sharedTables() });

afterAll(() => client.destroy());

const step = (type: 'ConfirmarReserva' | 'LiberarReserva', ordenId: string): Command => ({ type, ordenId });
const past = (seconds: number) => new Date(Date.now() - seconds * 1000);

describe('reservations', () => {
  it('holds all lines or none, out of disponible, and a plain sale cannot take held units', async () => {
    const productoId = uniqueProductId();
    const other = uniqueProductId();
    await stockUp(store, productoId, 5);
    await stockUp(store, other, 1);

    const refused = await applyAt(store, { type: 'CrearReserva', ordenId: uniqueOrderId('r'), expiraEnS: 900, lines: [
      { productoId, cantidad: 2, ubicacionId: 'CENTRAL' },
      { productoId: other, cantidad: 2, ubicacionId: 'CENTRAL' },
    ] });
    const held = await applyAt(store, hold(productoId, 4));
    const sale = await applyAt(store, saleAt(productoId, 2, 'CENTRAL'));

    expect(refused.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'STOCK_INSUFICIENTE' } });
    expect(await locationOf(store, other, 'CENTRAL')).toMatchObject({ reservado: 0, disponible: 1 });
    expect(held.outcome.lineas).toEqual([
      { producto_id: productoId, cantidad: 0, stock_resultante: 5, ubicacion_id: 'CENTRAL', stock_ubicacion: 5, reservado: 4, disponible: 1 },
    ]);
    expect(sale.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'STOCK_INSUFICIENTE', mensaje: `${productoId}: disponible 1 (stock 5, reservado 4), pedido 2` } });
    expect(await store.getReservation(held.outcome.orden_id)).toMatchObject({ estado: 'ACTIVA', lineas: [{ producto_id: productoId, ubicacion_id: 'CENTRAL', cantidad: 4 }] });
    // A hold changes no stock: no ledger entry beyond the purchase.
    expect(await wholeLedger(store, productoId)).toHaveLength(1);
  });

  it('confirms a hold into a sale (VENTA) once, and refuses to release it afterwards', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const { outcome } = await applyAt(store, hold(productoId, 3));

    const confirmed = await applyAt(store, step('ConfirmarReserva', outcome.orden_id));
    const again = await applyAt(store, step('ConfirmarReserva', outcome.orden_id));
    const release = await applyAt(store, step('LiberarReserva', outcome.orden_id));

    expect(confirmed.outcome).toMatchObject({ estado: 'APLICADA', lineas: [{ cantidad: -3, stock_resultante: 2, reservado: 0, disponible: 2 }] });
    expect(again).toMatchObject({ alreadyFinal: true, outcome: confirmed.outcome });
    expect(release.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'RESERVA_NO_ACTIVA' } });
    expect(await store.getReservation(outcome.orden_id)).toMatchObject({ estado: 'CONFIRMADA' });
    expect((await wholeLedger(store, productoId)).map((entry) => [entry.tipo, entry.orden_id])).toEqual([
      ['VENTA', outcome.orden_id],
      ['COMPRA', expect.any(String)],
    ]);
  });

  it('releases a hold, giving its units back, and refuses steps of a hold that does not exist', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 2);
    const { outcome } = await applyAt(store, hold(productoId, 2));

    const released = await applyAt(store, step('LiberarReserva', outcome.orden_id));
    const missing = await applyAt(store, step('ConfirmarReserva', uniqueOrderId('nada')));

    expect(released.outcome).toMatchObject({ estado: 'APLICADA', lineas: [{ cantidad: 0, reservado: 0, disponible: 2 }] });
    expect(missing.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'RESERVA_NO_EXISTE' } });
    expect(await store.getReservation(outcome.orden_id)).toMatchObject({ estado: 'LIBERADA' });
  });

  it('refuses to confirm a hold past its expiry, reads it EXPIRADA at once, and the sweep gives its units back once', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 3);
    const { outcome } = await applyAt(store, hold(productoId, 3, { expiraEnS: 60 }), past(61));

    const confirm = await applyAt(store, step('ConfirmarReserva', outcome.orden_id));
    const read = await store.getReservation(outcome.orden_id);
    const expired = await store.expireDue(new Date());
    const twice = await store.expireDue(new Date());

    expect(confirm.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'RESERVA_EXPIRADA' } });
    expect(read?.estado).toBe('EXPIRADA');
    expect(expired.map((reservation) => reservation.ordenId)).toContain(outcome.orden_id);
    expect(twice.map((reservation) => reservation.ordenId)).not.toContain(outcome.orden_id);
    expect(await locationOf(store, productoId, 'CENTRAL')).toMatchObject({ stock: 3, reservado: 0, disponible: 3 });
    expect(await store.getReservation(outcome.orden_id)).toMatchObject({ estado: 'EXPIRADA', resuelta: expect.any(String) });
  });

  it('keeps an expired hold on the notice list until its event is marked published', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 1);
    const { outcome } = await applyAt(store, hold(productoId, 1, { expiraEnS: 60 }), past(61));
    await store.expireDue(new Date());

    const pending = async () => (await store.pendingNotices(new Date(), 1000)).map((reservation) => reservation.ordenId);
    expect(await eventually(pending, (ids) => ids.includes(outcome.orden_id))).toContain(outcome.orden_id);
    await store.markNoticePublished(outcome.orden_id);
    expect(await eventually(pending, (ids) => !ids.includes(outcome.orden_id))).not.toContain(outcome.orden_id);
  });

  it('gives exactly 100 of 200 concurrent holds of 1 against 100 units, then sells or returns each unit exactly once', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 100);

    // 20 consumers at once, each with a batch of 10 (group commit); half the holds made in the past, so
    // they are already expired and only the sweeper or a release can end them.
    const holdCommands = Array.from({ length: 200 }, (_, i) => ({ command: hold(productoId, 1, { expiraEnS: 60 }), now: i % 2 === 0 ? past(61) : new Date() }));
    const holds = (await Promise.all(chunks(holdCommands, 10).map((batch) => applyBatchAt(batch)))).flat();
    const active = holds.filter((r) => r.outcome.estado === 'APLICADA');
    const madeInThePast = new Set(holds.flatMap((r, i) => (r.outcome.estado === 'APLICADA' && i % 2 === 0 ? [r.outcome.orden_id] : [])));
    expect(active).toHaveLength(100);
    expect(holds.filter((r) => r.outcome.motivo?.codigo === 'STOCK_INSUFICIENTE')).toHaveLength(100);
    expect(await locationOf(store, productoId, 'CENTRAL')).toMatchObject({ stock: 100, reservado: 100, disponible: 0 });

    // Every hold gets a confirmation and a release, shuffled into concurrent batches, racing two sweeps.
    const ids = active.map((r) => r.outcome.orden_id);
    const samples: number[] = [];
    let racing = true;
    const sampler = (async () => {
      while (racing) samples.push((await locationOf(store, productoId, 'CENTRAL')).disponible);
    })();
    const steps = shuffled(ids.flatMap((id) => [step('ConfirmarReserva', id), step('LiberarReserva', id)])).map((command) => ({ command, now: new Date() }));
    await Promise.all([...chunks(steps, 10).map((batch) => applyBatchAt(batch)), store.expireDue(new Date(), 1000), store.expireDue(new Date(), 1000)]);
    await store.expireDue(new Date(), 1000);
    racing = false;
    await sampler;

    const states = await Promise.all(ids.map((id) => store.getReservation(id)));
    const confirmed = states.filter((r) => r?.estado === 'CONFIRMADA').length;
    expect(states.every((r) => r?.estado === 'CONFIRMADA' || r?.estado === 'LIBERADA' || r?.estado === 'EXPIRADA')).toBe(true);
    // A hold past its expiry is never sold.
    expect(states.filter((r) => r && madeInThePast.has(r.orden_id) && r.estado === 'CONFIRMADA')).toEqual([]);
    expect(await locationOf(store, productoId, 'CENTRAL')).toEqual({ ubicacion_id: 'CENTRAL', stock: 100 - confirmed, reservado: 0, disponible: 100 - confirmed });
    const ledger = await wholeLedger(store, productoId);
    const sales = ledger.filter((entry) => entry.tipo === 'VENTA');
    expect(sales).toHaveLength(confirmed);
    expect(new Set(sales.map((entry) => entry.orden_id)).size).toBe(confirmed);
    expect(ledger.reduce((total, entry) => total + entry.cantidad, 0)).toBe(100 - confirmed);
    expect(samples.length).toBeGreaterThan(0);
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
  });
});

/** Applies commands as one consumer batch, each decided at its own `now`; fails the test on an unsettled one. */
async function applyBatchAt(batch: readonly { command: StoreCommand; now: Date }[]): Promise<ApplyResult[]> {
  const results = await store.applyBatch(batch.map(({ command, now }) => ({ command, context: { fingerprint: commandFingerprint(command), correlationId: `test-${command.ordenId}`, now } })));
  return results.map((result) => {
    if (!result.ok) throw result.error;
    return result.result;
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** A fixed shuffle (so a failure can be run again as it was): confirmations and releases interleaved unevenly. */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  let seed = 12345;
  for (let i = copy.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Reads until `done` holds or a few seconds pass (the due index is eventually consistent). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
