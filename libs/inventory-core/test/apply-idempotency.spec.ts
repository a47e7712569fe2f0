import { DynamoInventoryStore, type ApplyResult } from '../src';
import {
  applyCommand,
  localDynamoDb,
  sale,
  sharedTables,
  stockUp,
  uniqueOrderId,
  uniqueProductId,
  wholeLedger,
} from './support/local-dynamodb';

const client = localDynamoDb();
const store = new DynamoInventoryStore({ client, tables: sharedTables() });

afterAll(() => client.destroy());

describe('a command delivered more than once', () => {
  it('applies once when the same orden_id is sent 10 times in a row; the retries get the same outcome', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);
    const command = sale(productoId, 3);

    const results: ApplyResult[] = [];
    for (let i = 0; i < 10; i++) results.push(await applyCommand(store, command));

    expect(results[0]).toEqual({
      alreadyFinal: false,
      outcome: {
        orden_id: command.ordenId,
        tipo: 'OrdenVenta',
        estado: 'APLICADA',
        lineas: [{ producto_id: productoId, cantidad: -3, stock_resultante: 7 }],
      },
    });
    for (const retry of results.slice(1)) expect(retry).toEqual({ alreadyFinal: true, outcome: results[0]!.outcome });
    expect((await store.getProduct(productoId))?.stock).toBe(7);
    expect((await wholeLedger(store, productoId)).filter((e) => e.tipo === 'VENTA')).toHaveLength(1);
  });

  it('applies once when the same orden_id arrives 10 times at once', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);
    const command = sale(productoId, 3);

    const results = await Promise.all(Array.from({ length: 10 }, () => applyCommand(store, command)));

    expect(results.filter((r) => !r.alreadyFinal)).toHaveLength(1);
    const first = results.find((r) => !r.alreadyFinal)!;
    expect(first.outcome.estado).toBe('APLICADA');
    for (const result of results) expect(result.outcome).toEqual(first.outcome);
    expect((await store.getProduct(productoId))?.stock).toBe(7);
    expect((await wholeLedger(store, productoId)).filter((e) => e.tipo === 'VENTA')).toHaveLength(1);
  });

  it('answers a retry of a refused order with the recorded refusal', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 1);
    const command = sale(productoId, 2);

    const first = await applyCommand(store, command);
    await stockUp(store, productoId, 5);
    const retry = await applyCommand(store, command);

    expect(first.outcome.motivo?.codigo).toBe('STOCK_INSUFICIENTE');
    expect(retry).toEqual({ alreadyFinal: true, outcome: first.outcome });
    expect((await store.getProduct(productoId))?.stock).toBe(6);
  });

  it('never applies the same orden_id with another body: ORDEN_DUPLICADA, and estado_url keeps the first outcome', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);
    const ordenId = uniqueOrderId('reusada');

    const first = await applyCommand(store, sale(productoId, 2, ordenId));
    const reused = await applyCommand(store, sale(productoId, 5, ordenId));

    expect(first.outcome.estado).toBe('APLICADA');
    expect(reused).toEqual({
      alreadyFinal: false,
      outcome: {
        orden_id: ordenId,
        tipo: 'OrdenVenta',
        estado: 'RECHAZADA',
        motivo: { codigo: 'ORDEN_DUPLICADA', mensaje: expect.stringContaining(ordenId) },
      },
    });
    expect(await store.getCommand('OrdenVenta', ordenId)).toEqual(first.outcome);
    expect((await store.getProduct(productoId))?.stock).toBe(8);
    expect(await wholeLedger(store, productoId)).toHaveLength(2);
  });

  it('applies only one of two bodies racing under the same orden_id', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);
    const ordenId = uniqueOrderId('carrera');

    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => applyCommand(store, sale(productoId, i % 2 === 0 ? 1 : 2, ordenId))),
    );

    const recorded = await store.getCommand('OrdenVenta', ordenId);
    expect(recorded?.estado).toBe('APLICADA');
    const sold = -(recorded?.lineas?.[0]?.cantidad ?? 0);
    expect((await store.getProduct(productoId))?.stock).toBe(10 - sold);
    expect(results.filter((r) => r.outcome.estado === 'APLICADA' && !r.alreadyFinal)).toHaveLength(1);
    expect(results.filter((r) => r.outcome.motivo?.codigo === 'ORDEN_DUPLICADA')).toHaveLength(5);
    expect((await wholeLedger(store, productoId)).filter((e) => e.tipo === 'VENTA')).toHaveLength(1);
  });

  it('keeps apart the same orden_id on two routes', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);
    const ordenId = uniqueOrderId('dos-rutas');

    const purchase = await applyCommand(store, { type: 'OrdenCompra', ordenId, lines: [{ productoId, cantidad: 1 }] });
    const sold = await applyCommand(store, sale(productoId, 4, ordenId));

    expect([purchase.outcome.estado, sold.outcome.estado]).toEqual(['APLICADA', 'APLICADA']);
    expect((await store.getProduct(productoId))?.stock).toBe(7);
  });
});
