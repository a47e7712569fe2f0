import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { DynamoInventoryStore, InvalidCursorError, PACKED_ENTRIES, type Product } from '../src';
import { FIRST_QUERY_ITEMS } from '../src/store/dynamo/list-movements';
import { applyCommand, isolatedTables, localDynamoDb, sale, sharedTables, stockUp, toApply, uniqueOrderId, uniqueProductId } from './support/local-dynamodb';

const client = localDynamoDb();
const shared = new DynamoInventoryStore({ client, tables: sharedTables() });

afterAll(() => client.destroy());

async function allPages(store: DynamoInventoryStore, limit: number, soloActivos: boolean) {
  const pages: Product[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listProducts({ limit, soloActivos, ...(cursor !== undefined && { cursor }) });
    pages.push(page.data);
    cursor = page.siguiente;
  } while (cursor !== undefined && pages.length < 100);
  return pages;
}

/** The `stock_resultante` of each page of a product's ledger, page by page through its cursors. */
async function ledgerPages(store: DynamoInventoryStore, productoId: string, limit: number): Promise<number[][]> {
  const pages: number[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listMovements(productoId, { limit, ...(cursor !== undefined && { cursor }) });
    pages.push(page.data.map((entry) => entry.stock_resultante));
    cursor = page.siguiente;
  } while (cursor !== undefined && pages.length < 1000);
  return pages;
}

describe('product reads', () => {
  it('reads one product with the five contract fields, numbers as numbers and estado boolean', async () => {
    const productoId = uniqueProductId();
    await stockUp(shared, productoId, 3);
    const product = await shared.getProduct(productoId);
    expect(product).toEqual({ producto_id: productoId, nombre: `Producto ${productoId}`, stock: 3, precio: 10, estado: true });
    expect(Object.keys(product!).sort()).toEqual(['estado', 'nombre', 'precio', 'producto_id', 'stock']);
  });

  it('answers undefined for a product that does not exist', async () => {
    expect(await shared.getProduct(uniqueProductId())).toBeUndefined();
  });

  describe('the inventory listing', () => {
    let store: DynamoInventoryStore;
    const active: string[] = [];
    const inactive: string[] = [];

    beforeAll(async () => {
      store = new DynamoInventoryStore({ client, tables: await isolatedTables(client) });
      for (let i = 0; i < 11; i++) {
        const productoId = uniqueProductId();
        await stockUp(store, productoId, i + 1);
        if (i % 3 === 0) {
          await applyCommand(store, { type: 'EliminarProducto', ordenId: uniqueOrderId(), productoId });
          inactive.push(productoId);
        } else {
          active.push(productoId);
        }
      }
    });

    it('pages through every product with a cursor, each once', async () => {
      const pages = await allPages(store, 3, false);
      expect(pages.slice(0, -1).every((page) => page.length === 3)).toBe(true);
      const ids = pages.flat().map((p) => p.producto_id);
      expect(ids).toHaveLength(11);
      expect(new Set(ids)).toEqual(new Set([...active, ...inactive]));
    });

    it('gives every product and no cursor when they fit in one page', async () => {
      const page = await store.listProducts({ limit: 1000, soloActivos: false });
      expect(page.data).toHaveLength(11);
      expect(page.siguiente).toBeUndefined();
    });

    it('lists only active products with solo_activos, in full pages', async () => {
      const pages = await allPages(store, 2, true);
      expect(pages.slice(0, -1).every((page) => page.length === 2)).toBe(true);
      const ids = pages.flat().map((p) => p.producto_id);
      expect(ids).toHaveLength(active.length);
      expect(new Set(ids)).toEqual(new Set(active));
      expect(pages.flat().every((p) => p.estado)).toBe(true);
    });

    it('refuses a cursor that is not one of this listing with InvalidCursorError (VALIDACION)', async () => {
      const ledgerCursor = (await shared.listMovements('PRO001', { limit: 1 })).siguiente;
      const bad = ['not a cursor!', 'bm90LWpzb24', Buffer.from('{"t":"otro","id":"PRO001"}').toString('base64url'), ledgerCursor];
      for (const cursor of bad.filter((c): c is string => c !== undefined)) {
        const error = await store.listProducts({ limit: 5, soloActivos: false, cursor }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidCursorError);
        expect(error).toMatchObject({ codigo: 'VALIDACION' });
      }
    });
  });
});

describe('ledger reads', () => {
  it("lists a product's ledger newest first, paginated", async () => {
    const productoId = uniqueProductId();
    await stockUp(shared, productoId, 1);
    for (let i = 2; i <= 5; i++) {
      await applyCommand(shared, { type: 'OrdenCompra', ordenId: uniqueOrderId(`c${i}`), lines: [{ productoId, cantidad: 1 }] });
    }

    const first = await shared.listMovements(productoId, { limit: 2 });
    const second = await shared.listMovements(productoId, { limit: 2, cursor: first.siguiente! });
    const third = await shared.listMovements(productoId, { limit: 2, cursor: second.siguiente! });

    expect([first, second, third].map((page) => page.data.map((e) => e.stock_resultante))).toEqual([[5, 4], [3, 2], [1]]);
    expect(third.siguiente).toBeUndefined();
    expect(first.data[0]).toMatchObject({ producto_id: productoId, tipo: 'COMPRA', cantidad: 1 });
  });

  it("refuses a cursor of another product's ledger, or of the inventory listing", async () => {
    const a = uniqueProductId();
    const b = uniqueProductId();
    await stockUp(shared, a, 1);
    await stockUp(shared, a, 1);
    const cursorOfA = (await shared.listMovements(a, { limit: 1 })).siguiente!;
    const productsCursor = Buffer.from(JSON.stringify({ t: 'productos', id: a })).toString('base64url');

    await expect(shared.listMovements(b, { limit: 1, cursor: cursorOfA })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(shared.listMovements(a, { limit: 1, cursor: productsCursor })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(shared.listMovements(a, { limit: 1, cursor: '%%%' })).rejects.toMatchObject({ codigo: 'VALIDACION' });
    await expect(shared.listMovements(a, { limit: 1, cursor: cursorOfA })).resolves.toMatchObject({ data: [{ stock_resultante: 1 }] });
  });

  it('lists the entries one batch packed into one item like any others, its pages ending inside the item', async () => {
    const productoId = uniqueProductId();
    await stockUp(shared, productoId, 10);
    const sales = Array.from({ length: 7 }, (_, i) => sale(productoId, 1, uniqueOrderId(`lote${i}`)));
    const applied = await shared.applyBatch(sales.map(toApply));
    expect(applied.every((result) => result.ok && result.result.outcome.estado === 'APLICADA')).toBe(true);

    expect(await ledgerPages(shared, productoId, 3)).toEqual([[3, 4, 5], [6, 7, 8], [9, 10]]);
    const items = await client.send(
      new QueryCommand({ TableName: sharedTables().ledger, KeyConditionExpression: 'producto_id = :id', ExpressionAttributeValues: { ':id': { S: productoId } }, ConsistentRead: true }),
    );
    // The purchase's entry alone, and the seven sales in one item keyed by the lowest of their versions.
    expect(items.Items?.map((item) => [item['version']?.N, item[PACKED_ENTRIES]?.L?.length])).toEqual([['1', undefined], ['2', 7]]);
    const ledger = (await shared.listMovements(productoId, { limit: 100 })).data;
    expect(ledger.slice(0, 7).map((entry) => entry.orden_id)).toEqual(sales.map((command) => command.ordenId).reverse());
  });

  describe('a ledger of packed and single entries', () => {
    const productoId = uniqueProductId();
    const groups = 30;
    const perGroup = 7;
    const singles = 3;
    const entries = 1 + groups * perGroup + singles;

    beforeAll(async () => {
      await stockUp(shared, productoId, 1000);
      for (let group = 0; group < groups; group++) {
        await shared.applyBatch(Array.from({ length: perGroup }, () => toApply(sale(productoId, 1))));
        if (group % 10 === 0) await applyCommand(shared, sale(productoId, 1));
      }
    });

    it('gives every entry once, newest first, whatever the page size, each page full but the last', async () => {
      // Every sale took one unit, so newest first the stock left counts up to the purchase's 1,000.
      const whole = Array.from({ length: entries }, (_, i) => 1000 - (entries - 1) + i);
      for (const limit of [1, 4, 9, 100, 1000]) {
        const pages = await ledgerPages(shared, productoId, limit);
        expect(pages.flat()).toEqual(whole);
        expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
      }
    });

    it('reads about the items a page needs, not as many items as the page has entries', async () => {
      const reads = { queries: 0, items: 0 };
      const counted = localDynamoDb();
      counted.middlewareStack.add(
        (next, context) => async (args) => {
          const result = await next(args);
          if (context.commandName === 'QueryCommand') {
            reads.queries += 1;
            reads.items += (result.output as { Count?: number }).Count ?? 0;
          }
          return result;
        },
        { step: 'initialize', name: 'countQueryItems' },
      );
      const store = new DynamoInventoryStore({ client: counted, tables: sharedTables() });
      try {
        const page = await store.listMovements(productoId, { limit: 100 });
        expect(page.data).toHaveLength(100);
        // 100 entries are about 15 items of 7; a Limit of 100 items would read all 34 of this ledger.
        expect(reads.items).toBeLessThanOrEqual(FIRST_QUERY_ITEMS + Math.ceil(100 / perGroup));
        expect(reads.queries).toBeLessThanOrEqual(3);

        Object.assign(reads, { queries: 0, items: 0 });
        const first = await store.listMovements(productoId, { limit: 2 });
        expect(first.data).toHaveLength(2);
        expect(reads).toEqual({ queries: 1, items: 2 });
      } finally {
        counted.destroy();
      }
    });
  });

  it('answers an empty ledger for a product without movements', async () => {
    expect(await shared.listMovements(uniqueProductId(), { limit: 10 })).toEqual({ data: [] });
  });
});

describe('command reads and readiness', () => {
  it('answers undefined for a command never seen', async () => {
    expect(await shared.getCommand('OrdenVenta', uniqueOrderId())).toBeUndefined();
  });

  it('pings when the tables answer, and fails when they are missing', async () => {
    await expect(shared.ping()).resolves.toBeUndefined();
    const missing = new DynamoInventoryStore({ client, tables: { products: 'no_such_p', ledger: 'no_such_l', commands: 'no_such_c', reservations: 'no_such_r' } });
    await expect(missing.ping()).rejects.toThrow();
  });
});
