import { DynamoInventoryStore } from '../src';
import { localDynamoDb, sharedTables, uniqueOrderId, uniqueProductId, wholeLedger } from './support/local-dynamodb';
import { applyAt, ledgerByLocation, locationOf, purchaseAt, saleAt, transfer } from './support/locations';

const client = localDynamoDb();
const store = new DynamoInventoryStore({ client, tables: sharedTables() });

afterAll(() => client.destroy());

describe('stock per location', () => {
  it('adds a purchase at its location, keeps the total as stock, and lists CENTRAL as the rest', async () => {
    const productoId = uniqueProductId();
    await applyAt(store, purchaseAt(productoId, 10, 'CENTRAL'));
    const result = await applyAt(store, purchaseAt(productoId, 4, 'TIENDA-01'));

    expect(result.outcome.lineas).toEqual([
      { producto_id: productoId, cantidad: 4, stock_resultante: 14, ubicacion_id: 'TIENDA-01', stock_ubicacion: 4, reservado: 0, disponible: 4 },
    ]);
    expect(await store.getProductDetail(productoId)).toMatchObject({
      stock: 14,
      ubicaciones: [
        { ubicacion_id: 'CENTRAL', stock: 10, reservado: 0, disponible: 10 },
        { ubicacion_id: 'TIENDA-01', stock: 4, reservado: 0, disponible: 4 },
      ],
    });
    expect(Object.fromEntries(await ledgerByLocation(store, productoId))).toEqual({ CENTRAL: 10, 'TIENDA-01': 4 });
  });

  it('refuses a sale its location cannot cover even when the total could, naming the location', async () => {
    const productoId = uniqueProductId();
    await applyAt(store, purchaseAt(productoId, 10, 'CENTRAL'));
    await applyAt(store, purchaseAt(productoId, 2, 'TIENDA-01'));

    const result = await applyAt(store, saleAt(productoId, 3, 'TIENDA-01'));

    expect(result.outcome).toMatchObject({
      estado: 'RECHAZADA',
      motivo: { codigo: 'STOCK_INSUFICIENTE', mensaje: `${productoId} en TIENDA-01: disponible 2 (stock 2, reservado 0), pedido 3` },
    });
    expect(await locationOf(store, productoId, 'TIENDA-01')).toMatchObject({ stock: 2 });
  });

  it('sets the count of one location with /actualizar-producto, leaving the others', async () => {
    const productoId = uniqueProductId();
    await applyAt(store, purchaseAt(productoId, 10, 'CENTRAL'));
    await applyAt(store, purchaseAt(productoId, 5, 'TIENDA-01'));

    const result = await applyAt(store, { type: 'ActualizarProducto', ordenId: uniqueOrderId('cuenta'), productoId, cantidad: 1, ubicacionId: 'TIENDA-01' });

    expect(result.outcome.lineas).toMatchObject([{ cantidad: -4, stock_resultante: 11, ubicacion_id: 'TIENDA-01', stock_ubicacion: 1 }]);
    expect(await locationOf(store, productoId, 'CENTRAL')).toMatchObject({ stock: 10 });
    expect(Object.fromEntries(await ledgerByLocation(store, productoId))).toEqual({ CENTRAL: 10, 'TIENDA-01': 1 });
  });

  it('moves units with a transfer: two TRANSFERENCIA entries, the total unchanged, refused beyond the source', async () => {
    const productoId = uniqueProductId();
    await applyAt(store, purchaseAt(productoId, 6, 'CENTRAL'));

    const moved = await applyAt(store, transfer(productoId, 'CENTRAL', 'TIENDA-02', 4));
    const refused = await applyAt(store, transfer(productoId, 'CENTRAL', 'TIENDA-02', 3));

    expect(moved.outcome.lineas).toEqual([
      { producto_id: productoId, cantidad: -4, stock_resultante: 2, ubicacion_id: 'CENTRAL', stock_ubicacion: 2, reservado: 0, disponible: 2 },
      { producto_id: productoId, cantidad: 4, stock_resultante: 6, ubicacion_id: 'TIENDA-02', stock_ubicacion: 4, reservado: 0, disponible: 4 },
    ]);
    expect(refused.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'STOCK_INSUFICIENTE' } });
    expect((await store.getProduct(productoId))?.stock).toBe(6);
    const transfers = (await wholeLedger(store, productoId)).filter((entry) => entry.tipo === 'TRANSFERENCIA');
    expect(transfers.map((entry) => [entry.cantidad, entry.ubicacion_id])).toEqual([
      [4, 'TIENDA-02'],
      [-4, undefined],
    ]);
    expect(Object.fromEntries(await ledgerByLocation(store, productoId))).toEqual({ CENTRAL: 2, 'TIENDA-02': 4 });
  });

  it('keeps two stores selling the same product concurrently each at or above zero, totals exact', async () => {
    const productoId = uniqueProductId();
    await applyAt(store, purchaseAt(productoId, 30, 'TIENDA-A'));
    await applyAt(store, purchaseAt(productoId, 20, 'TIENDA-B'));

    const sales = [
      ...Array.from({ length: 50 }, () => saleAt(productoId, 1, 'TIENDA-A')),
      ...Array.from({ length: 50 }, () => saleAt(productoId, 1, 'TIENDA-B')),
    ];
    const results = await Promise.all(sales.map((command) => applyAt(store, command)));

    // The applied outcome lines name the store each sale took from.
    const appliedAt = (location: string) =>
      results.filter((r) => r.outcome.estado === 'APLICADA' && r.outcome.lineas?.[0]?.ubicacion_id === location).length;
    expect(appliedAt('TIENDA-A')).toBe(30);
    expect(appliedAt('TIENDA-B')).toBe(20);
    expect(await locationOf(store, productoId, 'TIENDA-A')).toMatchObject({ stock: 0 });
    expect(await locationOf(store, productoId, 'TIENDA-B')).toMatchObject({ stock: 0 });
    expect((await store.getProduct(productoId))?.stock).toBe(0);
    expect(Object.fromEntries(await ledgerByLocation(store, productoId))).toEqual({ 'TIENDA-A': 0, 'TIENDA-B': 0 });
  });

  it('never oversells the source of a transfer racing sales there, single and batched', async () => {
    const productoId = uniqueProductId();
    await applyAt(store, purchaseAt(productoId, 40, 'CENTRAL'));

    const transfers = Array.from({ length: 10 }, () => transfer(productoId, 'CENTRAL', 'TIENDA-C', 3));
    const sales = Array.from({ length: 30 }, () => saleAt(productoId, 1, 'CENTRAL'));
    const batched = sales.slice(0, 15);
    const single = [...transfers, ...sales.slice(15)];
    const [batchResults, singleResults] = await Promise.all([
      store.applyBatch(batched.map((command) => ({ command, context: { fingerprint: command.ordenId, correlationId: 'c', now: new Date() } }))),
      Promise.all(single.map((command) => applyAt(store, command))),
    ]);

    const movedOut = singleResults.slice(0, 10).filter((r) => r.outcome.estado === 'APLICADA').length * 3;
    const sold = [...batchResults.map((r) => (r.ok ? r.result : undefined)), ...singleResults.slice(10)].filter((r) => r?.outcome.estado === 'APLICADA').length;
    const central = await locationOf(store, productoId, 'CENTRAL');
    expect(central.stock).toBe(40 - movedOut - sold);
    expect(central.stock).toBeGreaterThanOrEqual(0);
    expect(await locationOf(store, productoId, 'TIENDA-C')).toMatchObject({ stock: movedOut });
    expect((await store.getProduct(productoId))?.stock).toBe(40 - sold);
    expect(Object.fromEntries(await ledgerByLocation(store, productoId))).toEqual({ CENTRAL: central.stock, ...(movedOut > 0 && { 'TIENDA-C': movedOut }) });
  });
});
