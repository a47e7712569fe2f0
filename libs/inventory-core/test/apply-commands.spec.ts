import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { commandFingerprint, DynamoInventoryStore, type Command } from '../src';
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
const tables = sharedTables();
const store = new DynamoInventoryStore({ client, tables });

afterAll(() => client.destroy());

describe('purchase orders', () => {
  it('creates a product that does not exist, active, with a COMPRA entry', async () => {
    const productoId = uniqueProductId();
    const ordenId = uniqueOrderId('compra');

    const result = await applyCommand(store, {
      type: 'OrdenCompra',
      ordenId,
      lines: [{ productoId, cantidad: 12, nombre: 'Taladro', precio: 199.99 }],
    });

    expect(result.outcome).toEqual({
      orden_id: ordenId,
      tipo: 'OrdenCompra',
      estado: 'APLICADA',
      lineas: [{ producto_id: productoId, cantidad: 12, stock_resultante: 12 }],
    });
    expect(await store.getProduct(productoId)).toEqual({ producto_id: productoId, nombre: 'Taladro', stock: 12, precio: 199.99, estado: true });
    expect(await wholeLedger(store, productoId)).toEqual([
      { producto_id: productoId, orden_id: ordenId, tipo: 'COMPRA', cantidad: 12, stock_resultante: 12, fecha: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    ]);
  });

  it('adds stock to an existing product and ignores nombre and precio', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);

    await applyCommand(store, { type: 'OrdenCompra', ordenId: uniqueOrderId(), lines: [{ productoId, cantidad: 3, nombre: 'Otro', precio: 1 }] });

    expect(await store.getProduct(productoId)).toMatchObject({ stock: 8, nombre: `Producto ${productoId}`, precio: 10 });
  });

  it('re-activates a deleted product it adds stock to', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    await applyCommand(store, { type: 'EliminarProducto', ordenId: uniqueOrderId(), productoId });

    await applyCommand(store, { type: 'OrdenCompra', ordenId: uniqueOrderId(), lines: [{ productoId, cantidad: 1 }] });

    expect(await store.getProduct(productoId)).toMatchObject({ stock: 6, estado: true });
  });

  it('refuses a new product without nombre or precio with DATOS_INCOMPLETOS, changing no line', async () => {
    const existing = uniqueProductId();
    const complete = uniqueProductId();
    const incomplete = uniqueProductId();
    await stockUp(store, existing, 5);
    const ordenId = uniqueOrderId();

    const result = await applyCommand(store, {
      type: 'OrdenCompra',
      ordenId,
      lines: [
        { productoId: existing, cantidad: 1 },
        { productoId: complete, cantidad: 1, nombre: 'Completo', precio: 1 },
        { productoId: incomplete, cantidad: 1, nombre: 'Sin precio' },
      ],
    });

    expect(result.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'DATOS_INCOMPLETOS' } });
    expect(result.outcome.motivo?.mensaje).toContain(incomplete);
    expect((await store.getProduct(existing))?.stock).toBe(5);
    expect(await store.getProduct(complete)).toBeUndefined();
    expect(await store.getProduct(incomplete)).toBeUndefined();
    expect(await store.getCommand('OrdenCompra', ordenId)).toEqual(result.outcome);
  });

  it('creates the same new product once when two purchases race to create it', async () => {
    const productoId = uniqueProductId();
    const purchase = (i: number): Command => ({
      type: 'OrdenCompra',
      ordenId: uniqueOrderId(`crea${i}`),
      lines: [{ productoId, cantidad: 2, nombre: 'Nuevo', precio: 3 }],
    });

    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => applyCommand(store, purchase(i))));

    expect(results.every((r) => r.outcome.estado === 'APLICADA')).toBe(true);
    expect((await store.getProduct(productoId))?.stock).toBe(16);
    expect((await wholeLedger(store, productoId)).map((e) => e.stock_resultante)).toEqual([16, 14, 12, 10, 8, 6, 4, 2]);
  });
});

describe('sale orders', () => {
  it('refuses a sale of a product that does not exist', async () => {
    const productoId = uniqueProductId();
    const result = await applyCommand(store, sale(productoId, 1));
    expect(result.outcome.motivo).toEqual({ codigo: 'PRODUCTO_NO_EXISTE', mensaje: `${productoId}: no existe` });
    expect(await store.getProduct(productoId)).toBeUndefined();
  });

  it('refuses a sale of an inactive product', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    await applyCommand(store, { type: 'EliminarProducto', ordenId: uniqueOrderId(), productoId });

    const result = await applyCommand(store, sale(productoId, 1));

    expect(result.outcome.motivo?.codigo).toBe('PRODUCTO_INACTIVO');
    expect((await store.getProduct(productoId))?.stock).toBe(5);
  });

  it('refuses a sale that would take stock below zero', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 3);

    const result = await applyCommand(store, sale(productoId, 5));

    expect(result.outcome.motivo).toEqual({ codigo: 'STOCK_INSUFICIENTE', mensaje: `${productoId}: stock 3, pedido 5` });
    expect((await store.getProduct(productoId))?.stock).toBe(3);
  });

  it('changes nothing when one line of a sale is short: no stock, no ledger entry, the order RECHAZADA', async () => {
    const a = uniqueProductId();
    const b = uniqueProductId();
    await stockUp(store, a, 5);
    await stockUp(store, b, 1);
    const ordenId = uniqueOrderId();

    const result = await applyCommand(store, {
      type: 'OrdenVenta',
      ordenId,
      lines: [
        { productoId: a, cantidad: 2 },
        { productoId: b, cantidad: 2 },
      ],
    });

    expect(result.outcome).toEqual({
      orden_id: ordenId,
      tipo: 'OrdenVenta',
      estado: 'RECHAZADA',
      motivo: { codigo: 'STOCK_INSUFICIENTE', mensaje: `${b}: stock 1, pedido 2` },
    });
    expect((await store.getProduct(a))?.stock).toBe(5);
    expect((await store.getProduct(b))?.stock).toBe(1);
    expect(await wholeLedger(store, a)).toHaveLength(1);
    expect(await wholeLedger(store, b)).toHaveLength(1);
    expect(await store.getCommand('OrdenVenta', ordenId)).toEqual(result.outcome);
  });

  it('changes every line of a sale that can be served in full', async () => {
    const a = uniqueProductId();
    const b = uniqueProductId();
    await stockUp(store, a, 5);
    await stockUp(store, b, 1);

    const result = await applyCommand(store, {
      type: 'OrdenVenta',
      ordenId: uniqueOrderId(),
      lines: [
        { productoId: a, cantidad: 2 },
        { productoId: b, cantidad: 1 },
      ],
    });

    expect(result.outcome.lineas).toEqual([
      { producto_id: a, cantidad: -2, stock_resultante: 3 },
      { producto_id: b, cantidad: -1, stock_resultante: 0 },
    ]);
    expect((await store.getProduct(a))?.stock).toBe(3);
    expect((await store.getProduct(b))?.stock).toBe(0);
    expect((await wholeLedger(store, a))[0]).toMatchObject({ tipo: 'VENTA', cantidad: -2, stock_resultante: 3 });
    expect((await wholeLedger(store, b))[0]).toMatchObject({ tipo: 'VENTA', cantidad: -1, stock_resultante: 0 });
  });
});

describe('product updates', () => {
  it('sets the stock count with an AJUSTE entry of the difference', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);
    const ordenId = uniqueOrderId('conteo');

    const result = await applyCommand(store, { type: 'ActualizarProducto', ordenId, productoId, cantidad: 4 });

    expect(result.outcome.lineas).toEqual([{ producto_id: productoId, cantidad: -6, stock_resultante: 4 }]);
    expect((await store.getProduct(productoId))?.stock).toBe(4);
    expect((await wholeLedger(store, productoId))[0]).toMatchObject({ orden_id: ordenId, tipo: 'AJUSTE', cantidad: -6, stock_resultante: 4 });
  });

  it('changes nombre, precio and estado without touching the stock or the ledger', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 10);

    await applyCommand(store, { type: 'ActualizarProducto', ordenId: uniqueOrderId(), productoId, nombre: 'Renombrado', precio: 0.99, estado: false });

    expect(await store.getProduct(productoId)).toEqual({ producto_id: productoId, nombre: 'Renombrado', stock: 10, precio: 0.99, estado: false });
    expect(await wholeLedger(store, productoId)).toHaveLength(1);
  });

  it('refuses to update a product that does not exist', async () => {
    const productoId = uniqueProductId();
    const result = await applyCommand(store, { type: 'ActualizarProducto', ordenId: uniqueOrderId(), productoId, cantidad: 3 });
    expect(result.outcome.motivo?.codigo).toBe('PRODUCTO_NO_EXISTE');
    expect(await store.getProduct(productoId)).toBeUndefined();
  });
});

describe('product deletion', () => {
  it('sets estado false, keeps the stock, and writes a BAJA entry of 0; deleting again applies again', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 4);

    const first = await applyCommand(store, { type: 'EliminarProducto', ordenId: uniqueOrderId(), productoId });
    const again = await applyCommand(store, { type: 'EliminarProducto', ordenId: uniqueOrderId(), productoId });

    expect([first.outcome.estado, again.outcome.estado]).toEqual(['APLICADA', 'APLICADA']);
    expect(await store.getProduct(productoId)).toMatchObject({ stock: 4, estado: false });
    const ledger = await wholeLedger(store, productoId);
    expect(ledger.map((e) => [e.tipo, e.cantidad, e.stock_resultante])).toEqual([
      ['BAJA', 0, 4],
      ['BAJA', 0, 4],
      ['COMPRA', 4, 4],
    ]);
  });

  it('refuses to delete a product that does not exist', async () => {
    const result = await applyCommand(store, { type: 'EliminarProducto', ordenId: uniqueOrderId(), productoId: uniqueProductId() });
    expect(result.outcome.motivo?.codigo).toBe('PRODUCTO_NO_EXISTE');
  });
});

describe('accepted commands', () => {
  it('answers PENDIENTE once accepted, and the consumer completes that record', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const command = sale(productoId, 2);
    const accepted = {
      type: command.type,
      ordenId: command.ordenId,
      fingerprint: commandFingerprint(command),
      correlationId: 'corr-1',
      acceptedAt: new Date(),
    };

    await store.recordAccepted(accepted);
    expect(await store.getCommand('OrdenVenta', command.ordenId)).toEqual({ orden_id: command.ordenId, tipo: 'OrdenVenta', estado: 'PENDIENTE' });

    const result = await applyCommand(store, command);
    expect(result).toMatchObject({ alreadyFinal: false, outcome: { estado: 'APLICADA' } });

    // Accepted again (a client retry): the final record stays as it is.
    await store.recordAccepted(accepted);
    expect(await store.getCommand('OrdenVenta', command.ordenId)).toEqual(result.outcome);
  });

  it('refuses with ORDEN_DUPLICADA a command whose id was accepted for another body', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const command = sale(productoId, 2);
    await store.recordAccepted({
      type: 'OrdenVenta',
      ordenId: command.ordenId,
      fingerprint: commandFingerprint(sale(productoId, 1)),
      correlationId: 'corr-2',
      acceptedAt: new Date(),
    });

    const result = await applyCommand(store, command);

    expect(result.outcome.motivo?.codigo).toBe('ORDEN_DUPLICADA');
    expect((await store.getCommand('OrdenVenta', command.ordenId))?.estado).toBe('PENDIENTE');
    expect((await store.getProduct(productoId))?.stock).toBe(5);
  });
});

describe('products from before this store (the seed)', () => {
  it('changes a product without version or estado, opening its ledger with the stock it had', async () => {
    const productoId = uniqueProductId();
    await client.send(
      new PutItemCommand({
        TableName: tables.products,
        Item: { producto_id: { S: productoId }, nombre: { S: 'Legado' }, stock: { N: '20' }, precio: { N: '5.5' } },
      }),
    );
    expect(await store.getProduct(productoId)).toEqual({ producto_id: productoId, nombre: 'Legado', stock: 20, precio: 5.5, estado: true });

    const first = await applyCommand(store, sale(productoId, 3));
    const second = await applyCommand(store, sale(productoId, 2));

    expect(first.outcome.lineas).toEqual([{ producto_id: productoId, cantidad: -3, stock_resultante: 17 }]);
    expect(second.outcome.lineas).toEqual([{ producto_id: productoId, cantidad: -2, stock_resultante: 15 }]);
    const ledger = await wholeLedger(store, productoId);
    expect(ledger.map((e) => [e.orden_id === 'saldo-inicial', e.tipo, e.cantidad, e.stock_resultante])).toEqual([
      [false, 'VENTA', -2, 15],
      [false, 'VENTA', -3, 17],
      [true, 'AJUSTE', 20, 20],
    ]);
    expect(ledger.reduce((sum, e) => sum + e.cantidad, 0)).toBe(15);
  });
});
