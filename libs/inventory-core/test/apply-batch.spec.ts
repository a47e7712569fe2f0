import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  commandFingerprint,
  ConflictRetriesExhaustedError,
  DynamoInventoryStore,
  type ApplyResult,
  type BatchApplyResult,
  type Command,
} from '../src';
import { localDynamoDb, sale, sharedTables, stockUp, toApply, uniqueOrderId, uniqueProductId, wholeLedger } from './support/local-dynamodb';

const client = localDynamoDb();
const tables = sharedTables();
const store = new DynamoInventoryStore({ client, tables });

afterAll(() => client.destroy());

/** Applies commands as one consumer batch; fails the test when a command could not be settled. */
async function applyBatch(commands: readonly Command[], on: DynamoInventoryStore = store): Promise<ApplyResult[]> {
  const results = await on.applyBatch(commands.map(toApply));
  return results.map((result) => {
    if (!result.ok) throw result.error;
    return result.result;
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

describe('a batch of sales of one product (group commit)', () => {
  it('sells exactly the stock there is to 150 buyers in 15 concurrent batches of 10 and refuses the rest, never below zero', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 50);
    const sales = Array.from({ length: 150 }, (_, i) => sale(productoId, 1, uniqueOrderId(`lote${i}`)));

    const results = (await Promise.all(chunks(sales, 10).map((batch) => applyBatch(batch)))).flat();

    const applied = results.filter((r) => r.outcome.estado === 'APLICADA');
    const rejected = results.filter((r) => r.outcome.estado === 'RECHAZADA');
    expect(applied).toHaveLength(50);
    expect(rejected).toHaveLength(100);
    expect(rejected.every((r) => r.outcome.motivo?.codigo === 'STOCK_INSUFICIENTE')).toBe(true);
    expect((await store.getProduct(productoId))?.stock).toBe(0);
    const ledger = await wholeLedger(store, productoId);
    expect(ledger).toHaveLength(51);
    expect(ledger.reduce((sum, e) => sum + e.cantidad, 0)).toBe(0);
    expect(ledger.map((e) => e.stock_resultante)).toEqual(Array.from({ length: 51 }, (_, i) => i));
    const outcomeStocks = applied.map((r) => r.outcome.lineas?.[0]?.stock_resultante).sort((a, b) => a! - b!);
    expect(outcomeStocks).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(new Set(ledger.filter((e) => e.tipo === 'VENTA').map((e) => e.orden_id))).toEqual(new Set(applied.map((r) => r.outcome.orden_id)));
  });

  it('applies one batch of 150 sales in batch order, across several transactions, each stock_resultante exact', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 50);
    const sales = Array.from({ length: 150 }, (_, i) => sale(productoId, 1, uniqueOrderId(`orden${i}`)));

    const results = await applyBatch(sales);

    // The first 50 in the batch's order apply, leaving 49, 48, ..., 0; the other 100 are refused.
    expect(results.slice(0, 50).map((r) => r.outcome.lineas?.[0]?.stock_resultante)).toEqual(Array.from({ length: 50 }, (_, i) => 49 - i));
    expect(results.slice(50).every((r) => r.outcome.motivo?.codigo === 'STOCK_INSUFICIENTE')).toBe(true);
    const ledger = await wholeLedger(store, productoId);
    // Newest first: the ledger holds the sales in the batch's order.
    expect(ledger.slice(0, 50).map((e) => e.orden_id)).toEqual(sales.slice(0, 50).map((s) => s.ordenId).reverse());
    expect(ledger.map((e) => e.stock_resultante)).toEqual(Array.from({ length: 51 }, (_, i) => i));
    expect((await store.getProduct(productoId))?.stock).toBe(0);
    for (const result of results) expect(await store.getCommand('OrdenVenta', result.outcome.orden_id)).toEqual(result.outcome);
  });

  it('gives up on a product other batches keep changing with a transient error for each command, leaving stock and ledger consistent', async () => {
    const impatient = new DynamoInventoryStore({ client, tables, maxConflictRetries: 0 });
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 100);
    const sales = Array.from({ length: 60 }, (_, i) => sale(productoId, 1, uniqueOrderId(`prisa${i}`)));

    const results: BatchApplyResult[] = (await Promise.all(chunks(sales, 5).map((batch) => impatient.applyBatch(batch.map(toApply))))).flat();

    const failures = results.flatMap((r) => (r.ok ? [] : [r.error]));
    const applied = results.filter((r) => r.ok && r.result.outcome.estado === 'APLICADA');
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(failure).toBeInstanceOf(ConflictRetriesExhaustedError);
    expect(applied.length + failures.length).toBe(60);
    const stock = (await store.getProduct(productoId))?.stock;
    expect(stock).toBe(100 - applied.length);
    expect((await wholeLedger(store, productoId)).reduce((sum, e) => sum + e.cantidad, 0)).toBe(stock);
  });
});

describe('round trips of a batch', () => {
  it('reads and writes 10 sales of one product in one BatchGetItem and one TransactWriteItems of 12 items', async () => {
    const counted = localDynamoDb();
    const calls: string[] = [];
    const written: number[] = [];
    counted.middlewareStack.add(
      (next, context) => async (args) => {
        calls.push(context.commandName ?? '?');
        const { TransactItems } = args.input as { TransactItems?: unknown[] };
        if (TransactItems) written.push(TransactItems.length);
        return next(args);
      },
      { step: 'initialize' },
    );
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 100);

    const results = await applyBatch(Array.from({ length: 10 }, () => sale(productoId, 1)), new DynamoInventoryStore({ client: counted, tables }));
    counted.destroy();

    expect(results.map((r) => r.outcome.lineas?.[0]?.stock_resultante)).toEqual([99, 98, 97, 96, 95, 94, 93, 92, 91, 90]);
    expect(calls).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
    // Ten records, the product's one update, and its ten ledger entries in one item.
    expect(written).toEqual([12]);
  });
});

describe('a batch holding the same orden_id more than once', () => {
  it('applies a command delivered twice in one batch once; the second delivery gets the recorded outcome', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);
    const command = sale(productoId, 3);
    const other = sale(productoId, 1);

    const [first, otherResult, second] = await applyBatch([command, other, command]);

    expect(first).toEqual({ alreadyFinal: false, outcome: expect.objectContaining({ estado: 'APLICADA', lineas: [{ producto_id: productoId, cantidad: -3, stock_resultante: 7 }] }) });
    expect(otherResult?.outcome.lineas).toEqual([{ producto_id: productoId, cantidad: -1, stock_resultante: 6 }]);
    expect(second).toEqual({ alreadyFinal: true, outcome: first?.outcome });
    expect((await store.getProduct(productoId))?.stock).toBe(6);
    expect((await wholeLedger(store, productoId)).filter((e) => e.tipo === 'VENTA')).toHaveLength(2);
  });

  it('answers a whole batch delivered again with the recorded outcomes, writing nothing', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 2);
    const sales = Array.from({ length: 4 }, () => sale(productoId, 1));

    const first = await applyBatch(sales);
    const again = await applyBatch(sales);

    expect(first.map((r) => r.outcome.estado)).toEqual(['APLICADA', 'APLICADA', 'RECHAZADA', 'RECHAZADA']);
    expect(again).toEqual(first.map((r) => ({ alreadyFinal: true, outcome: r.outcome })));
    expect((await store.getProduct(productoId))?.stock).toBe(0);
    expect(await wholeLedger(store, productoId)).toHaveLength(3);
  });

  it('refuses an orden_id reused with another body in the same batch with ORDEN_DUPLICADA; the record keeps the first', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);
    const ordenId = uniqueOrderId('reusada');

    const [first, reused] = await applyBatch([sale(productoId, 2, ordenId), sale(productoId, 5, ordenId)]);

    expect(first?.outcome.estado).toBe('APLICADA');
    expect(reused).toEqual({ alreadyFinal: false, outcome: expect.objectContaining({ estado: 'RECHAZADA', motivo: expect.objectContaining({ codigo: 'ORDEN_DUPLICADA' }) }) });
    expect(await store.getCommand('OrdenVenta', ordenId)).toEqual(first?.outcome);
    expect((await store.getProduct(productoId))?.stock).toBe(8);
  });
});

describe('multi-line sales in a batch: all or nothing per command', () => {
  it('refuses a sale whose one line is short while the batch goes on, and changes none of its other lines', async () => {
    const plenty = uniqueProductId();
    const scarce = uniqueProductId();
    await stockUp(store, plenty, 10);
    await stockUp(store, scarce, 2);
    const takesScarce: Command = { type: 'OrdenVenta', ordenId: uniqueOrderId(), lines: [{ productoId: scarce, cantidad: 2 }] };
    const both: Command = {
      type: 'OrdenVenta',
      ordenId: uniqueOrderId(),
      lines: [
        { productoId: plenty, cantidad: 4 },
        { productoId: scarce, cantidad: 1 },
      ],
    };
    const plentyOnly = sale(plenty, 1);

    const [first, refused, last] = await applyBatch([takesScarce, both, plentyOnly]);

    expect(first?.outcome.estado).toBe('APLICADA');
    expect(refused?.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'STOCK_INSUFICIENTE', mensaje: `${scarce}: stock 0, pedido 1` } });
    expect(last?.outcome.lineas).toEqual([{ producto_id: plenty, cantidad: -1, stock_resultante: 9 }]);
    expect((await store.getProduct(plenty))?.stock).toBe(9);
    expect((await store.getProduct(scarce))?.stock).toBe(0);
    expect((await wholeLedger(store, plenty)).map((e) => e.orden_id)).not.toContain(both.ordenId);
  });

  it('applies a multi-line sale with every line, each line seeing what earlier commands of the batch left', async () => {
    const a = uniqueProductId();
    const b = uniqueProductId();
    await stockUp(store, a, 5);
    await stockUp(store, b, 5);
    const multi: Command = {
      type: 'OrdenVenta',
      ordenId: uniqueOrderId(),
      lines: [
        { productoId: a, cantidad: 2 },
        { productoId: b, cantidad: 3 },
      ],
    };

    const [, result] = await applyBatch([sale(a, 1), multi, sale(b, 2)]);

    expect(result?.outcome.lineas).toEqual([
      { producto_id: a, cantidad: -2, stock_resultante: 2 },
      { producto_id: b, cantidad: -3, stock_resultante: 2 },
    ]);
    expect((await store.getProduct(a))?.stock).toBe(2);
    expect((await store.getProduct(b))?.stock).toBe(0);
  });
});

describe('every kind of command in one batch', () => {
  it('creates, sells, counts, deletes and refuses in order, the stock always the sum of the ledger', async () => {
    const productoId = uniqueProductId();
    const commands: Command[] = [
      { type: 'OrdenCompra', ordenId: uniqueOrderId(), lines: [{ productoId, cantidad: 5, nombre: 'Nuevo', precio: 3 }] },
      sale(productoId, 2),
      { type: 'ActualizarProducto', ordenId: uniqueOrderId(), productoId, cantidad: 10, precio: 4 },
      { type: 'EliminarProducto', ordenId: uniqueOrderId(), productoId },
      sale(productoId, 1),
      { type: 'OrdenCompra', ordenId: uniqueOrderId(), lines: [{ productoId, cantidad: 1 }] },
      sale(productoId, 11),
    ];

    const results = await applyBatch(commands);

    expect(results.map((r) => r.outcome.estado)).toEqual(['APLICADA', 'APLICADA', 'APLICADA', 'APLICADA', 'RECHAZADA', 'APLICADA', 'APLICADA']);
    expect(results[4]?.outcome.motivo?.codigo).toBe('PRODUCTO_INACTIVO');
    expect(results.map((r) => r.outcome.lineas?.[0]?.stock_resultante)).toEqual([5, 3, 10, 10, undefined, 11, 0]);
    expect(await store.getProduct(productoId)).toEqual({ producto_id: productoId, nombre: 'Nuevo', stock: 0, precio: 4, estado: true });
    const ledger = await wholeLedger(store, productoId);
    expect(ledger.map((e) => e.tipo)).toEqual(['VENTA', 'COMPRA', 'BAJA', 'AJUSTE', 'VENTA', 'COMPRA']);
    expect(ledger.reduce((sum, e) => sum + e.cantidad, 0)).toBe(0);
  });

  it('opens the ledger of a product from before this store once, for two sales of it in one batch', async () => {
    const productoId = uniqueProductId();
    await client.send(
      new PutItemCommand({ TableName: tables.products, Item: { producto_id: { S: productoId }, nombre: { S: 'Legado' }, stock: { N: '20' }, precio: { N: '5.5' } } }),
    );

    const [first, second] = await applyBatch([sale(productoId, 3), sale(productoId, 2)]);

    expect(first?.outcome.lineas).toEqual([{ producto_id: productoId, cantidad: -3, stock_resultante: 17 }]);
    expect(second?.outcome.lineas).toEqual([{ producto_id: productoId, cantidad: -2, stock_resultante: 15 }]);
    const ledger = await wholeLedger(store, productoId);
    expect(ledger.map((e) => [e.orden_id === 'saldo-inicial', e.tipo, e.cantidad, e.stock_resultante])).toEqual([
      [false, 'VENTA', -2, 15],
      [false, 'VENTA', -3, 17],
      [true, 'AJUSTE', 20, 20],
    ]);
  });

  it('settles a command whose record the gateway left PENDIENTE, keeping when it was received', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 3);
    const command = sale(productoId, 1);
    const acceptedAt = new Date(Date.now() - 60_000);
    await store.recordAccepted({ type: 'OrdenVenta', ordenId: command.ordenId, fingerprint: commandFingerprint(command), correlationId: 'c', acceptedAt });

    const [result] = await applyBatch([command, sale(productoId, 1)]);

    expect(result?.outcome.estado).toBe('APLICADA');
    expect(await store.getCommand('OrdenVenta', command.ordenId)).toEqual(result?.outcome);
  });
});
