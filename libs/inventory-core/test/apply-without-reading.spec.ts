import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { commandFingerprint, DynamoInventoryStore, type ApplyResult, type Command } from '../src';
import { localDynamoDb, sale, sharedTables, stockUp, uniqueOrderId, uniqueProductId, wholeLedger } from './support/local-dynamodb';
import { hold, locationOf } from './support/locations';

const client = localDynamoDb();
const tables = sharedTables();

afterAll(() => client.destroy());

/** A client that lists the commands it sends, and a store (one consumer process) on it. */
function countedStore(options: { productCacheSize?: number } = {}): { store: DynamoInventoryStore; calls: string[]; client: DynamoDBClient } {
  const counted = localDynamoDb();
  const calls: string[] = [];
  counted.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push((context.commandName ?? '?').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize' },
  );
  return { store: new DynamoInventoryStore({ client: counted, tables, ...options }), calls, client: counted };
}

/** When the tests had the gateway accept a command (its PENDIENTE record's `recibida`), by `orden_id`. */
const acceptedTimes = new Map<string, string>();

async function recordAccepted(store: DynamoInventoryStore, command: Command, acceptedAt: Date): Promise<void> {
  acceptedTimes.set(command.ordenId, acceptedAt.toISOString());
  await store.recordAccepted({ type: 'OrdenVenta', ordenId: command.ordenId, fingerprint: commandFingerprint(command), correlationId: 'c', acceptedAt });
}

/**
 * Both ways a consumer may settle a record it did not read: knowing the gateway's acceptance time (from
 * the envelope: the record is written whole) or not (the write keeps the pending record's time).
 */
const forms = [
  { form: 'with the acceptance time of the envelope', knowsAcceptedAt: true },
  { form: 'without the acceptance time', knowsAcceptedAt: false },
] as const;
let knowsAcceptedAt = true;

async function applyBatch(store: DynamoInventoryStore, commands: readonly Command[], now = new Date()): Promise<ApplyResult[]> {
  const contextOf = (command: Command) => ({
    fingerprint: commandFingerprint(command),
    correlationId: `test-${command.ordenId}`,
    now,
    ...(knowsAcceptedAt && { acceptedAt: acceptedTimes.get(command.ordenId) ?? now.toISOString() }),
  });
  const results = await store.applyBatch(commands.map((command) => ({ command, context: contextOf(command) })));
  return results.map((result) => {
    if (!result.ok) throw result.error;
    return result.result;
  });
}

/** A store of its own: another consumer process, with a cache of its own. */
const ownStore = (): DynamoInventoryStore => new DynamoInventoryStore({ client, tables });

const stocksAfter = (results: readonly ApplyResult[]): (number | undefined)[] => results.map((result) => result.outcome.lineas?.[0]?.stock_resultante);

describe.each(forms)('a group decided from the state its own process wrote, $form', ({ knowsAcceptedAt: knows }) => {
  beforeEach(() => {
    knowsAcceptedAt = knows;
  });

  it('reads neither the records nor a product it wrote last: one TransactWriteItems for the next group', async () => {
    const { store, calls, client: counted } = countedStore();
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 20);
    calls.length = 0;

    const first = await applyBatch(store, [sale(productoId, 1), sale(productoId, 2)]);
    const second = await applyBatch(store, [sale(productoId, 3), sale(productoId, 4)]);
    counted.destroy();

    expect(stocksAfter([...first, ...second])).toEqual([19, 17, 14, 10]);
    expect(calls).toEqual(['TransactWriteItems', 'TransactWriteItems']);
    expect((await wholeLedger(store, productoId)).map((entry) => entry.stock_resultante)).toEqual([10, 14, 17, 19, 20]);
  });

  it('decides again from the state the cancellation returns when another process changed the product since, every stock_resultante exact', async () => {
    const { store, calls, client: counted } = countedStore();
    const other = ownStore();
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);
    await applyBatch(other, [sale(productoId, 4)]);
    calls.length = 0;

    const results = await applyBatch(store, [sale(productoId, 5), sale(productoId, 2)]);
    counted.destroy();

    expect(results.map((result) => result.outcome.estado)).toEqual(['APLICADA', 'RECHAZADA']);
    expect(stocksAfter(results)).toEqual([1, undefined]);
    expect(calls).toEqual(['TransactWriteItems', 'TransactWriteItems']);
    expect((await store.getProduct(productoId))?.stock).toBe(1);
  });

  it('answers a command it applied before with the recorded outcome, applying it once, beside a new one', async () => {
    const store = ownStore();
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);
    const once = sale(productoId, 3);
    const [first] = await applyBatch(store, [once]);

    const [again, next] = await applyBatch(store, [once, sale(productoId, 1)]);

    expect(again).toEqual({ alreadyFinal: true, outcome: first?.outcome });
    expect(stocksAfter([next as ApplyResult])).toEqual([6]);
    expect((await wholeLedger(store, productoId)).filter((entry) => entry.tipo === 'VENTA')).toHaveLength(2);
  });

  it('refuses with ORDEN_DUPLICADA an id an earlier group used with another body, changing nothing', async () => {
    const store = ownStore();
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);
    const ordenId = uniqueOrderId('reusada');
    const [first] = await applyBatch(store, [sale(productoId, 2, ordenId)]);

    const [reused] = await applyBatch(store, [sale(productoId, 5, ordenId)]);

    expect(reused?.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'ORDEN_DUPLICADA' } });
    expect(await store.getCommand('OrdenVenta', ordenId)).toEqual(first?.outcome);
    expect((await store.getProduct(productoId))?.stock).toBe(8);
  });

  it('keeps when the gateway accepted a command it settles without reading its record', async () => {
    const store = ownStore();
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const command = sale(productoId, 1);
    const acceptedAt = new Date(Date.now() - 60_000);
    await recordAccepted(store, command, acceptedAt);

    const [result] = await applyBatch(store, [command]);

    const record = await client.send(new GetItemCommand({ TableName: tables.commands, Key: { comando_id: { S: `OrdenVenta#${command.ordenId}` } }, ConsistentRead: true }));
    expect(result?.outcome.estado).toBe('APLICADA');
    expect(record.Item?.['recibida']?.S).toBe(acceptedAt.toISOString());
    expect(record.Item?.['estado']?.S).toBe('APLICADA');
  });

  it('refuses with ORDEN_DUPLICADA a command whose id the gateway accepted with another body, keeping that PENDIENTE record', async () => {
    const store = ownStore();
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const ordenId = uniqueOrderId('otro-cuerpo');
    await recordAccepted(store, sale(productoId, 1, ordenId), new Date());

    const [other] = await applyBatch(store, [sale(productoId, 2, ordenId)]);

    expect(other?.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'ORDEN_DUPLICADA' } });
    expect(await store.getCommand('OrdenVenta', ordenId)).toMatchObject({ estado: 'PENDIENTE' });
    expect((await store.getProduct(productoId))?.stock).toBe(5);
  });

  it(`writes the record it did not read ${knows ? 'whole (a Put)' : 'as an Update keeping its recibida'}`, async () => {
    const { store, client: counted } = countedStore();
    const writes: string[] = [];
    counted.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { TransactItems?: { Put?: { TableName?: string }; Update?: { TableName?: string } }[] };
        for (const item of input.TransactItems ?? []) {
          if (item.Put?.TableName === tables.commands) writes.push('Put');
          if (item.Update?.TableName === tables.commands) writes.push('Update');
        }
        return next(args);
      },
      { step: 'initialize' },
    );
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    writes.length = 0;

    await applyBatch(store, [sale(productoId, 1), sale(productoId, 1)]);
    counted.destroy();

    expect(writes).toEqual(knows ? ['Put', 'Put'] : ['Update', 'Update']);
  });

  it('refuses with MENSAJE_CADUCADO a command PENDIENTE past its lifetime, though it did not read the record first', async () => {
    const lifetimeMs = 60_000;
    const store = new DynamoInventoryStore({ client, tables, pendingLifetimeMs: lifetimeMs });
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const command = sale(productoId, 2);
    await recordAccepted(store, command, new Date(Date.now() - lifetimeMs - 1_000));

    const [late, fresh] = await applyBatch(store, [command, sale(productoId, 1)]);

    expect(late?.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'MENSAJE_CADUCADO' } });
    expect(stocksAfter([fresh as ApplyResult])).toEqual([4]);
  });

  it('makes holds of products it wrote without reading them or the holds: one TransactWriteItems', async () => {
    const { store, calls, client: counted } = countedStore();
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    calls.length = 0;

    const results = await applyBatch(store, [hold(productoId, 2), hold(productoId, 2), hold(productoId, 2)]);
    counted.destroy();

    expect(results.map((result) => result.outcome.estado)).toEqual(['APLICADA', 'APLICADA', 'RECHAZADA']);
    expect(calls).toEqual(['TransactWriteItems']);
    expect(await locationOf(store, productoId, 'CENTRAL')).toMatchObject({ stock: 5, reservado: 4, disponible: 1 });
  });

  it('answers a hold made before with its recorded outcome, holding its units once', async () => {
    const store = ownStore();
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const once = hold(productoId, 3);
    const [first] = await applyBatch(store, [once]);

    const [again, next] = await applyBatch(store, [once, hold(productoId, 1)]);

    expect(again).toEqual({ alreadyFinal: true, outcome: first?.outcome });
    expect(next?.outcome.estado).toBe('APLICADA');
    expect(await locationOf(store, productoId, 'CENTRAL')).toMatchObject({ reservado: 4, disponible: 1 });
    expect(await store.getReservation(once.ordenId)).toMatchObject({ estado: 'ACTIVA', lineas: [{ producto_id: productoId, cantidad: 3 }] });
  });

  it('reads every group with productCacheSize 0', async () => {
    const { store, calls, client: counted } = countedStore({ productCacheSize: 0 });
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 20);
    calls.length = 0;

    await applyBatch(store, [sale(productoId, 1)]);
    await applyBatch(store, [sale(productoId, 1)]);
    counted.destroy();

    expect(calls).toEqual(['BatchGetItem', 'TransactWriteItems', 'BatchGetItem', 'TransactWriteItems']);
  });
});
