import type { LocationProduct, Product, ReservationView } from '@inventario/inventory-core';
import request from 'supertest';
import { createTestGateway, type TestGateway } from '../../test/support/gateway';

const LAPTOP: Product = { producto_id: 'PRO001', nombre: 'Laptop', stock: 10, precio: 900, estado: true };
const MOUSE: Product = { producto_id: 'PRO002', nombre: 'Mouse', stock: 4, precio: 20, estado: false };

function gatewayWithLocations(): TestGateway {
  const gateway = createTestGateway();
  gateway.queries.addProduct(LAPTOP);
  gateway.queries.setLocations('PRO001', [
    { ubicacion_id: 'CENTRAL', stock: 6, reservado: 1, disponible: 5 },
    { ubicacion_id: 'TIENDA-01', stock: 4, reservado: 2, disponible: 2 },
  ]);
  gateway.queries.addProduct(MOUSE);
  gateway.queries.setLocations('PRO002', [
    { ubicacion_id: 'CENTRAL', stock: 0, reservado: 0, disponible: 0 },
    { ubicacion_id: 'TIENDA-01', stock: 4, reservado: 0, disponible: 4 },
  ]);
  return gateway;
}

const HOLD: ReservationView = {
  orden_id: 'h-1',
  estado: 'ACTIVA',
  lineas: [{ producto_id: 'PRO001', ubicacion_id: 'TIENDA-01', cantidad: 2 }],
  creada: '2025-06-01T11:55:00.000Z',
  expira_en: '2025-06-01T12:10:00.000Z',
};

describe.each([[''], ['/dev']])('reads per location, prefix %j', (prefix) => {
  describe('GET /productos/{producto_id}', () => {
    it('answers the five fields, stock the total, and ubicaciones CENTRAL first', async () => {
      const gateway = gatewayWithLocations();
      const response = await request(gateway.app).get(`${prefix}/productos/PRO001`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        ...LAPTOP,
        ubicaciones: [
          { ubicacion_id: 'CENTRAL', stock: 6, reservado: 1, disponible: 5 },
          { ubicacion_id: 'TIENDA-01', stock: 4, reservado: 2, disponible: 2 },
        ],
      });
    });

    it('answers 404 for a product that does not exist', async () => {
      const gateway = gatewayWithLocations();
      expect((await request(gateway.app).get(`${prefix}/productos/PRO404`)).status).toBe(404);
    });
  });

  describe('GET /ubicaciones/{ubicacion_id}/productos', () => {
    it("answers the location's products, each with its stock, held units and disponible there", async () => {
      const gateway = gatewayWithLocations();
      const response = await request(gateway.app).get(`${prefix}/ubicaciones/TIENDA-01/productos`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        data: [
          { producto_id: 'PRO001', nombre: 'Laptop', estado: true, ubicacion_id: 'TIENDA-01', stock: 4, reservado: 2, disponible: 2 },
          { producto_id: 'PRO002', nombre: 'Mouse', estado: false, ubicacion_id: 'TIENDA-01', stock: 4, reservado: 0, disponible: 4 },
        ] satisfies LocationProduct[],
      });
      expect(gateway.queries.pageRequests).toEqual([{ limit: 1000, ubicacionId: 'TIENDA-01' }]);
    });

    it('pages with limit and cursor like /obtener-inventario', async () => {
      const gateway = gatewayWithLocations();
      const first = await request(gateway.app).get(`${prefix}/ubicaciones/TIENDA-01/productos?limit=1`);
      expect(first.body.data.map((p: LocationProduct) => p.producto_id)).toEqual(['PRO001']);
      expect(first.body.siguiente).toEqual(expect.any(String));
      const second = await request(gateway.app).get(`${prefix}/ubicaciones/TIENDA-01/productos`).query({ limit: 1, cursor: first.body.siguiente });
      expect(second.body).toEqual({ data: [expect.objectContaining({ producto_id: 'PRO002' })] });
    });

    it('answers an empty page for a location nothing is at', async () => {
      const gateway = gatewayWithLocations();
      const response = await request(gateway.app).get(`${prefix}/ubicaciones/BODEGA-9/productos`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: [] });
    });

    it.each([['tienda-01'], ['X'.repeat(33)], ['A%20B']])('refuses the location %s with 400 VALIDACION on ubicacion_id', async (id) => {
      const gateway = gatewayWithLocations();
      const response = await request(gateway.app).get(`${prefix}/ubicaciones/${id}/productos`);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: expect.any(String), codigo: 'VALIDACION', detalles: [{ campo: 'ubicacion_id', mensaje: expect.any(String) }] });
      expect(gateway.queries.pageRequests).toEqual([]);
    });

    it.each([
      ['cursor=no-es-un-cursor', 'cursor'],
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
    ])('refuses ?%s with 400 VALIDACION on %s', async (query, campo) => {
      const gateway = gatewayWithLocations();
      const response = await request(gateway.app).get(`${prefix}/ubicaciones/CENTRAL/productos?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.detalles).toEqual([{ campo, mensaje: expect.any(String) }]);
    });

    it('answers HEAD like GET, and 405 with Allow to another method', async () => {
      const gateway = gatewayWithLocations();
      expect((await request(gateway.app).head(`${prefix}/ubicaciones/CENTRAL/productos`)).status).toBe(200);
      const post = await request(gateway.app).post(`${prefix}/ubicaciones/CENTRAL/productos`);
      expect(post.status).toBe(405);
      expect(post.headers.allow).toBe('GET, HEAD');
    });

    it('answers 503 NO_DISPONIBLE when the store is down', async () => {
      const gateway = gatewayWithLocations();
      gateway.queries.failure = new Error('down');
      const response = await request(gateway.app).get(`${prefix}/ubicaciones/CENTRAL/productos`);
      expect(response.status).toBe(503);
      expect(response.body.codigo).toBe('NO_DISPONIBLE');
    });
  });

  describe('GET /productos/{producto_id}/movimientos', () => {
    it('shows ubicacion_id on the entries away from CENTRAL only', async () => {
      const gateway = gatewayWithLocations();
      const central = { producto_id: 'PRO001', orden_id: 't-1', tipo: 'TRANSFERENCIA' as const, cantidad: -4, stock_resultante: 10, fecha: '2025-06-01T00:00:00.000Z' };
      const away = { ...central, cantidad: 4, ubicacion_id: 'TIENDA-01' };
      gateway.queries.movements.set('PRO001', [away, central]);
      const response = await request(gateway.app).get(`${prefix}/productos/PRO001/movimientos`);
      expect(response.body).toEqual({ data: [away, central] });
      expect(response.body.data[1]).not.toHaveProperty('ubicacion_id');
    });
  });

  describe('GET /reservas/{orden_id}', () => {
    it('answers the hold with tipo CrearReserva once it exists', async () => {
      const gateway = gatewayWithLocations();
      gateway.queries.addReservation({ ...HOLD, estado: 'CONFIRMADA', resuelta: '2025-06-01T11:58:00.000Z' });
      gateway.queries.addCommand('CrearReserva', { orden_id: 'h-1', tipo: 'CrearReserva', estado: 'APLICADA' });
      const response = await request(gateway.app).get(`${prefix}/reservas/h-1`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        orden_id: 'h-1',
        tipo: 'CrearReserva',
        estado: 'CONFIRMADA',
        lineas: [{ producto_id: 'PRO001', ubicacion_id: 'TIENDA-01', cantidad: 2 }],
        creada: '2025-06-01T11:55:00.000Z',
        expira_en: '2025-06-01T12:10:00.000Z',
        resuelta: '2025-06-01T11:58:00.000Z',
      });
    });

    it('answers an active hold without resuelta', async () => {
      const gateway = gatewayWithLocations();
      gateway.queries.addReservation(HOLD);
      const response = await request(gateway.app).get(`${prefix}/reservas/h-1`);
      expect(Object.keys(response.body)).toEqual(['orden_id', 'tipo', 'estado', 'lineas', 'creada', 'expira_en']);
    });

    it('answers PENDIENTE before the hold exists', async () => {
      const gateway = gatewayWithLocations();
      gateway.queries.addCommand('CrearReserva', { orden_id: 'h-2', tipo: 'CrearReserva', estado: 'PENDIENTE' });
      const response = await request(gateway.app).get(`${prefix}/reservas/h-2`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ orden_id: 'h-2', tipo: 'CrearReserva', estado: 'PENDIENTE' });
    });

    it('answers RECHAZADA with its motivo when the hold was refused', async () => {
      const gateway = gatewayWithLocations();
      const motivo = { codigo: 'STOCK_INSUFICIENTE' as const, mensaje: 'No hay' };
      gateway.queries.addCommand('CrearReserva', { orden_id: 'h-3', tipo: 'CrearReserva', estado: 'RECHAZADA', motivo });
      const response = await request(gateway.app).get(`${prefix}/reservas/h-3`);
      expect(response.body).toEqual({ orden_id: 'h-3', tipo: 'CrearReserva', estado: 'RECHAZADA', motivo });
    });

    it('never answers the outcome of another command type of the same id', async () => {
      const gateway = gatewayWithLocations();
      gateway.queries.addCommand('OrdenVenta', { orden_id: 'h-4', tipo: 'OrdenVenta', estado: 'APLICADA' });
      const response = await request(gateway.app).get(`${prefix}/reservas/h-4`);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: expect.any(String), codigo: 'NO_ENCONTRADO' });
    });

    it.each([['nada'], ['x'.repeat(65)]])('answers 404 NO_ENCONTRADO for %s', async (id) => {
      const gateway = gatewayWithLocations();
      const response = await request(gateway.app).get(`${prefix}/reservas/${id}`);
      expect(response.status).toBe(404);
      expect(response.body.codigo).toBe('NO_ENCONTRADO');
    });

    it('answers HEAD like GET; POST to it is 405 with Allow GET, HEAD', async () => {
      const gateway = gatewayWithLocations();
      gateway.queries.addReservation(HOLD);
      expect((await request(gateway.app).head(`${prefix}/reservas/h-1`)).status).toBe(200);
      const post = await request(gateway.app).post(`${prefix}/reservas/h-1`);
      expect(post.status).toBe(405);
      expect(post.headers.allow).toBe('GET, HEAD');
    });
  });
});
