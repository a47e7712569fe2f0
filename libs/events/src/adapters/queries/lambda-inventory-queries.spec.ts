import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { commandFingerprint, DynamoInventoryStore, InvalidCursorError, type Command } from '@inventario/inventory-core';
import { loadRuntimeConfig } from '../../runtime/runtime-config';
import { answerQuery } from './answer-query';
import { LambdaInventoryQueries } from './lambda-inventory-queries';
import type { QueryResponse } from './query-request';

const config = loadRuntimeConfig(process.env);
const client = new DynamoDBClient({ region: config.region });
const store = new DynamoInventoryStore({ client, tables: config.tables });
// What crosses the Lambda boundary is JSON both ways; serialising here proves the protocol survives it.
const queries = new LambdaInventoryQueries(async (request) =>
  JSON.parse(JSON.stringify(await answerQuery(store, JSON.parse(JSON.stringify(request))))) as QueryResponse,
);

afterAll(() => client.destroy());

describe('reads through the query function', () => {
  it('answer a product, its ledger, the inventory and a command as the store does in-process', async () => {
    const productoId = `PRO${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
    const command: Command = { type: 'OrdenCompra', ordenId: randomUUID(), lines: [{ productoId, cantidad: 3, nombre: 'Vaso', precio: 2 }] };
    await store.apply(command, { fingerprint: commandFingerprint(command), correlationId: 'c', now: new Date() });

    expect(await queries.getProduct(productoId)).toEqual(await store.getProduct(productoId));
    expect(await queries.listMovements(productoId, { limit: 10 })).toEqual(await store.listMovements(productoId, { limit: 10 }));
    expect(await queries.getCommand('OrdenCompra', command.ordenId)).toEqual(await store.getCommand('OrdenCompra', command.ordenId));
    expect((await queries.listProducts({ limit: 1, soloActivos: false })).data).toHaveLength(1);
    await expect(queries.ping()).resolves.toBeUndefined();
  });

  it('answer a product per location, a location listing and a reservation as the store does in-process', async () => {
    const productoId = `PRO${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
    const ubicacionId = `T${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
    const now = new Date();
    const purchase: Command = { type: 'OrdenCompra', ordenId: randomUUID(), lines: [{ productoId, cantidad: 5, nombre: 'Taza', precio: 3, ubicacionId }] };
    const hold: Command = { type: 'CrearReserva', ordenId: randomUUID(), lines: [{ productoId, cantidad: 2, ubicacionId }], expiraEnS: 900 };
    for (const command of [purchase, hold]) {
      await store.apply(command, { fingerprint: commandFingerprint(command), correlationId: 'c', now });
    }

    const detail = await queries.getProductDetail(productoId);
    expect(detail).toEqual(await store.getProductDetail(productoId));
    expect(detail?.ubicaciones).toContainEqual({ ubicacion_id: ubicacionId, stock: 5, reservado: 2, disponible: 3 });
    const listing = await queries.listLocationProducts(ubicacionId, { limit: 10 });
    expect(listing).toEqual(await store.listLocationProducts(ubicacionId, { limit: 10 }));
    expect(listing.data.map((product) => product.producto_id)).toEqual([productoId]);
    const reservation = await queries.getReservation(hold.ordenId);
    expect(reservation).toEqual(await store.getReservation(hold.ordenId));
    expect(reservation?.estado).toBe('ACTIVA');
  });

  it('answer nothing for a product, reservation or command that does not exist', async () => {
    expect(await queries.getProduct('PRO000000000000')).toBeUndefined();
    expect(await queries.getProductDetail('PRO000000000000')).toBeUndefined();
    expect(await queries.getReservation('no-such-hold')).toBeUndefined();
    expect(await queries.getCommand('OrdenVenta', 'no-such-order')).toBeUndefined();
  });

  it('refuse a bad cursor with the same error the store throws', async () => {
    await expect(queries.listProducts({ limit: 5, cursor: 'not-a-cursor', soloActivos: false })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(queries.listLocationProducts('CENTRAL', { limit: 5, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
  });
});
