import type { LedgerEntry, Product } from '@inventario/inventory-core';
import request from 'supertest';
import { createTestGateway, type TestGateway } from '../../test/support/gateway';

function product(n: number, estado = true): Product {
  return { producto_id: `PRO${String(n).padStart(3, '0')}`, nombre: `Producto ${n}`, stock: n, precio: n * 1.5, estado };
}

function gatewayWithProducts(count: number): TestGateway {
  const gateway = createTestGateway();
  for (let n = 1; n <= count; n += 1) gateway.queries.addProduct(product(n, n % 2 === 1));
  return gateway;
}

describe('GET /obtener-inventario', () => {
  it('answers {mensaje, data} with every product, up to 1000 by default', async () => {
    const gateway = gatewayWithProducts(3);
    const response = await request(gateway.app).get('/obtener-inventario');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ mensaje: expect.any(String), data: [product(1), product(2, false), product(3)] });
    expect(gateway.queries.pageRequests).toEqual([{ limit: 1000, soloActivos: false }]);
  });

  it('sends no ETag: no client asks for a 304, and hashing every page of up to 1000 products cost CPU', async () => {
    const gateway = gatewayWithProducts(3);
    const response = await request(gateway.app).get('/obtener-inventario');
    expect(response.status).toBe(200);
    expect(response.headers['etag']).toBeUndefined();
  });

  it('pages with limit and follows siguiente to the end', async () => {
    const gateway = gatewayWithProducts(5);
    const first = await request(gateway.app).get('/obtener-inventario?limit=2');
    expect(first.body.data.map((p: Product) => p.producto_id)).toEqual(['PRO001', 'PRO002']);
    expect(first.body.siguiente).toEqual(expect.any(String));

    const second = await request(gateway.app).get('/obtener-inventario').query({ limit: 2, cursor: first.body.siguiente });
    expect(second.body.data.map((p: Product) => p.producto_id)).toEqual(['PRO003', 'PRO004']);
    const last = await request(gateway.app).get('/obtener-inventario').query({ limit: 2, cursor: second.body.siguiente });
    expect(last.body.data.map((p: Product) => p.producto_id)).toEqual(['PRO005']);
    expect(last.body).not.toHaveProperty('siguiente');
  });

  it('lists only active products with solo_activos=true', async () => {
    const gateway = gatewayWithProducts(4);
    const response = await request(gateway.app).get('/obtener-inventario?solo_activos=true');
    expect(response.body.data.map((p: Product) => p.producto_id)).toEqual(['PRO001', 'PRO003']);
    const all = await request(gateway.app).get('/obtener-inventario?solo_activos=false');
    expect(all.body.data).toHaveLength(4);
  });

  it('accepts limit 1 and 1000, and reads an empty cursor as the first page', async () => {
    const gateway = gatewayWithProducts(2);
    expect((await request(gateway.app).get('/obtener-inventario?limit=1')).status).toBe(200);
    expect((await request(gateway.app).get('/obtener-inventario?limit=1000&cursor=')).status).toBe(200);
    expect(gateway.queries.pageRequests).toEqual([
      { limit: 1, soloActivos: false },
      { limit: 1000, soloActivos: false },
    ]);
  });

  it.each([['0'], ['1001'], ['-1'], ['abc'], ['10.5'], ['1e2'], [''], ['99999999999']])(
    'refuses limit=%j with 400 VALIDACION naming limit',
    async (limit) => {
      const gateway = gatewayWithProducts(1);
      const response = await request(gateway.app).get(`/obtener-inventario?limit=${encodeURIComponent(limit)}`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: expect.any(String),
        codigo: 'VALIDACION',
        detalles: [{ campo: 'limit', mensaje: expect.any(String) }],
      });
      expect(gateway.queries.pageRequests).toEqual([]);
    },
  );

  it('refuses a repeated limit with 400 VALIDACION', async () => {
    const gateway = gatewayWithProducts(1);
    const response = await request(gateway.app).get('/obtener-inventario?limit=1&limit=2');
    expect(response.status).toBe(400);
    expect(response.body.detalles[0].campo).toBe('limit');
  });

  it('refuses solo_activos other than true or false with 400 VALIDACION', async () => {
    const gateway = gatewayWithProducts(1);
    const response = await request(gateway.app).get('/obtener-inventario?solo_activos=si');
    expect(response.status).toBe(400);
    expect(response.body.detalles).toEqual([{ campo: 'solo_activos', mensaje: expect.any(String) }]);
  });

  it('refuses a cursor the store did not give out with 400 VALIDACION naming cursor', async () => {
    const gateway = gatewayWithProducts(1);
    const response = await request(gateway.app).get('/obtener-inventario?cursor=inventado');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: expect.any(String),
      codigo: 'VALIDACION',
      detalles: [{ campo: 'cursor', mensaje: expect.any(String) }],
    });
  });

  it('answers 503 NO_DISPONIBLE with Retry-After when the store is down', async () => {
    const gateway = gatewayWithProducts(1);
    gateway.queries.failure = new Error('DynamoDB unreachable');
    const response = await request(gateway.app).get('/obtener-inventario');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body.codigo).toBe('NO_DISPONIBLE');
  });
});

describe('GET /productos/{producto_id}', () => {
  it('answers the product with exactly the contract fields', async () => {
    const gateway = createTestGateway();
    gateway.queries.addProduct({ ...product(7), version: 12 } as Product);
    const response = await request(gateway.app).get('/productos/PRO007');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ producto_id: 'PRO007', nombre: 'Producto 7', stock: 7, precio: 10.5, estado: true });
  });

  it.each([['PRO999'], ['PRO1'], ['otra-cosa']])('answers %s with 404 NO_ENCONTRADO', async (id) => {
    const gateway = createTestGateway();
    const response = await request(gateway.app).get(`/productos/${id}`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: expect.any(String), codigo: 'NO_ENCONTRADO' });
  });

  it('answers 503 when the store is down', async () => {
    const gateway = createTestGateway();
    gateway.queries.failure = new Error('down');
    const response = await request(gateway.app).get('/productos/PRO001');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
  });
});

describe('GET /productos/{producto_id}/movimientos', () => {
  function entry(n: number): LedgerEntry {
    return { producto_id: 'PRO001', orden_id: `o-${n}`, tipo: 'COMPRA', cantidad: 1, stock_resultante: n, fecha: '2025-06-01T00:00:00.000Z' };
  }

  function gatewayWithLedger(count: number): TestGateway {
    const gateway = createTestGateway();
    gateway.queries.addProduct(product(1));
    gateway.queries.movements.set('PRO001', Array.from({ length: count }, (_, i) => entry(count - i)));
    return gateway;
  }

  it('answers {data} of the ledger, without siguiente on the last page', async () => {
    const gateway = gatewayWithLedger(2);
    const response = await request(gateway.app).get('/productos/PRO001/movimientos');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: [entry(2), entry(1)] });
    expect(gateway.queries.pageRequests).toEqual([{ limit: 1000, productoId: 'PRO001' }]);
  });

  it('pages with limit and cursor', async () => {
    const gateway = gatewayWithLedger(3);
    const first = await request(gateway.app).get('/productos/PRO001/movimientos?limit=2');
    expect(first.body.data).toEqual([entry(3), entry(2)]);
    const next = await request(gateway.app).get('/productos/PRO001/movimientos').query({ limit: 2, cursor: first.body.siguiente });
    expect(next.body).toEqual({ data: [entry(1)] });
  });

  it('answers 404 when the product does not exist', async () => {
    const gateway = gatewayWithLedger(1);
    const response = await request(gateway.app).get('/productos/PRO404/movimientos');
    expect(response.status).toBe(404);
    expect(response.body.codigo).toBe('NO_ENCONTRADO');
  });

  it('refuses a bad limit with 400 VALIDACION', async () => {
    const gateway = gatewayWithLedger(1);
    const response = await request(gateway.app).get('/productos/PRO001/movimientos?limit=5000');
    expect(response.status).toBe(400);
    expect(response.body.detalles[0].campo).toBe('limit');
  });

  it('refuses a bad cursor with 400 VALIDACION', async () => {
    const gateway = gatewayWithLedger(1);
    const response = await request(gateway.app).get('/productos/PRO001/movimientos?cursor=xyz');
    expect(response.status).toBe(400);
    expect(response.body.codigo).toBe('VALIDACION');
  });
});

describe('GET estado_url', () => {
  it("answers the command's outcome", async () => {
    const gateway = createTestGateway();
    const outcome = {
      orden_id: 'v-1',
      tipo: 'OrdenVenta' as const,
      estado: 'RECHAZADA' as const,
      motivo: { codigo: 'STOCK_INSUFICIENTE' as const, mensaje: 'no alcanza' },
    };
    gateway.queries.addCommand('OrdenVenta', outcome);
    const response = await request(gateway.app).get('/orden-venta/v-1');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(outcome);
  });

  it('reads the outcome of the route it is under: the same orden_id on another route is another command', async () => {
    const gateway = createTestGateway();
    gateway.queries.addCommand('OrdenVenta', { orden_id: 'v-1', tipo: 'OrdenVenta', estado: 'APLICADA' });
    expect((await request(gateway.app).get('/orden-compra/v-1')).status).toBe(404);
  });

  it.each([['desconocida'], ['x'.repeat(65)], ['a%20b']])('answers %s with 404 NO_ENCONTRADO', async (id) => {
    const gateway = createTestGateway();
    const response = await request(gateway.app).get(`/orden-venta/${id}`);
    expect(response.status).toBe(404);
    expect(response.body.codigo).toBe('NO_ENCONTRADO');
  });

  it('answers 503 with Retry-After when the store is down', async () => {
    const gateway = createTestGateway();
    gateway.queries.failure = new Error('down');
    const response = await request(gateway.app).get('/orden-venta/v-1');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
  });
});
