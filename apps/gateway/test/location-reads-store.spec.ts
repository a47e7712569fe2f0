import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { loadRuntimeConfig } from '@inventario/events';
import { commandFingerprint, DynamoInventoryStore, type Command } from '@inventario/inventory-core';
import { KeyRing } from '@inventario/signature';
import request from 'supertest';
import { createGatewayApp } from '../src/app';
import { RecordingIntake, RecordingPublisher } from './support/fakes';

const config = loadRuntimeConfig(process.env);
const client = new DynamoDBClient({ region: config.region });
const store = new DynamoInventoryStore({ client, tables: config.tables });
const app = createGatewayApp({
  keyRing: KeyRing.fromSecret('clave-de-prueba'),
  allowLegacy: true,
  stage: 'dev',
  publisher: new RecordingPublisher(),
  intake: new RecordingIntake(),
  queries: store,
  logger: new Logger({ serviceName: 'gateway-location-reads', logLevel: 'SILENT' }),
});

afterAll(() => client.destroy());

const unique = () => String(Math.floor(Math.random() * 1e12)).padStart(12, '0');

async function apply(command: Command, now = new Date()): Promise<void> {
  await store.apply(command, { fingerprint: commandFingerprint(command), correlationId: 'c', now });
}

describe('the reads per location and of a reservation, over the real store', () => {
  const productoId = `PRO${unique()}`;
  const tienda = `T${unique()}`;
  const holdId = randomUUID();

  beforeAll(async () => {
    await apply({ type: 'OrdenCompra', ordenId: randomUUID(), lines: [{ productoId, cantidad: 5, nombre: 'Taza', precio: 3 }] });
    await apply({ type: 'TransferirStock', ordenId: randomUUID(), productoId, desde: 'CENTRAL', hacia: tienda, cantidad: 2 });
    await apply({ type: 'CrearReserva', ordenId: holdId, lines: [{ productoId, cantidad: 1, ubicacionId: tienda }], expiraEnS: 900 });
  });

  it('GET /productos/{producto_id}: the total and each location, CENTRAL first', async () => {
    const response = await request(app).get(`/dev/productos/${productoId}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      producto_id: productoId,
      nombre: 'Taza',
      stock: 5,
      precio: 3,
      estado: true,
      ubicaciones: [
        { ubicacion_id: 'CENTRAL', stock: 3, reservado: 0, disponible: 3 },
        { ubicacion_id: tienda, stock: 2, reservado: 1, disponible: 1 },
      ],
    });
  });

  it('GET /ubicaciones/{ubicacion_id}/productos: the products of the location', async () => {
    const response = await request(app).get(`/ubicaciones/${tienda}/productos`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      { producto_id: productoId, nombre: 'Taza', estado: true, ubicacion_id: tienda, stock: 2, reservado: 1, disponible: 1 },
    ]);
    const badCursor = await request(app).get(`/ubicaciones/${tienda}/productos?cursor=no-es-un-cursor`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.detalles).toEqual([{ campo: 'cursor', mensaje: expect.any(String) }]);
  });

  it('GET /productos/{producto_id}/movimientos: the two sides of the transfer, ubicacion_id away from CENTRAL', async () => {
    const response = await request(app).get(`/productos/${productoId}/movimientos`);
    const transfer = response.body.data.filter((entry: { tipo: string }) => entry.tipo === 'TRANSFERENCIA');
    expect(transfer.map((entry: { cantidad: number; ubicacion_id?: string }) => [entry.cantidad, entry.ubicacion_id])).toEqual(
      expect.arrayContaining([
        [-2, undefined],
        [2, tienda],
      ]),
    );
  });

  it('GET /reservas/{orden_id}: the hold; PENDIENTE before it exists; 404 for nothing', async () => {
    const hold = await request(app).get(`/reservas/${holdId}`);
    expect(hold.status).toBe(200);
    expect(hold.body).toEqual({
      orden_id: holdId,
      tipo: 'CrearReserva',
      estado: 'ACTIVA',
      lineas: [{ producto_id: productoId, ubicacion_id: tienda, cantidad: 1 }],
      creada: expect.any(String),
      expira_en: expect.any(String),
    });

    const pendingId = randomUUID();
    await store.recordAccepted({ type: 'CrearReserva', ordenId: pendingId, fingerprint: 'f', correlationId: 'c', acceptedAt: new Date() });
    const pending = await request(app).get(`/dev/reservas/${pendingId}`);
    expect(pending.body).toEqual({ orden_id: pendingId, tipo: 'CrearReserva', estado: 'PENDIENTE' });

    expect((await request(app).get(`/reservas/${randomUUID()}`)).status).toBe(404);
  });

  it('GET /reservas/{orden_id}: RECHAZADA with its motivo when the hold could not be made', async () => {
    const refusedId = randomUUID();
    await apply({ type: 'CrearReserva', ordenId: refusedId, lines: [{ productoId, cantidad: 99, ubicacionId: tienda }], expiraEnS: 900 });
    const response = await request(app).get(`/reservas/${refusedId}`);
    expect(response.body).toEqual({ orden_id: refusedId, tipo: 'CrearReserva', estado: 'RECHAZADA', motivo: { codigo: 'STOCK_INSUFICIENTE', mensaje: expect.any(String) } });
  });

  it("GET /reservas/{orden_id}/confirmar: the step's outcome", async () => {
    await apply({ type: 'ConfirmarReserva', ordenId: holdId });
    const step = await request(app).get(`/reservas/${holdId}/confirmar`);
    expect(step.status).toBe(200);
    expect(step.body).toEqual(expect.objectContaining({ orden_id: holdId, tipo: 'ConfirmarReserva', estado: 'APLICADA' }));
    expect((await request(app).get(`/reservas/${holdId}`)).body.estado).toBe('CONFIRMADA');
    expect((await request(app).get(`/reservas/${holdId}/liberar`)).status).toBe(404);
  });
});
