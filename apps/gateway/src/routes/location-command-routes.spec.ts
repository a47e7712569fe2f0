import { commandFingerprint, parseCommandBody } from '@inventario/inventory-core';
import { createTestGateway, signedPost } from '../../test/support/gateway';

describe.each([[''], ['/dev']])('the transfer and hold routes, prefix %j', (prefix) => {
  it('accepts POST /transferir-stock: 202, estado_url /transferir-stock/{orden_id}', async () => {
    const gateway = createTestGateway();
    const body = { orden_id: 't-1', producto_id: 'PRO001', desde: 'CENTRAL', hacia: 'TIENDA-01', cantidad: 3 };
    const response = await signedPost(gateway.app, `${prefix}/transferir-stock`, body);

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ mensaje: 'Transferencia de stock recibida', orden_id: 't-1', estado_url: '/transferir-stock/t-1', sns_message_id: 'sns-1' });
    expect(response.headers.location).toBe('/transferir-stock/t-1');
    expect(gateway.publisher.published[0]?.entry.topic).toBe('TransferirStock');
    const parsed = parseCommandBody('TransferirStock', body);
    if (!parsed.ok) throw new Error('test body should be valid');
    expect(gateway.intake.recorded).toEqual([expect.objectContaining({ type: 'TransferirStock', ordenId: 't-1', fingerprint: commandFingerprint(parsed.payload) })]);
  });

  it('refuses a transfer to the location it comes from with 400 VALIDACION', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, `${prefix}/transferir-stock`, { producto_id: 'PRO001', desde: 'CENTRAL', hacia: 'CENTRAL', cantidad: 3 });
    expect(response.status).toBe(400);
    expect(response.body.codigo).toBe('VALIDACION');
    expect(gateway.publisher.published).toEqual([]);
  });

  it('accepts POST /reservas: 202, estado_url /reservas/{orden_id} (the reservation read)', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, `${prefix}/reservas`, { orden_id: 'h-1', items: [{ producto_id: 'PRO001', cantidad: 2, ubicacion_id: 'TIENDA-01' }] });

    expect(response.status).toBe(202);
    expect(response.body).toEqual({ mensaje: 'Reserva recibida', orden_id: 'h-1', estado_url: '/reservas/h-1', sns_message_id: 'sns-1' });
    expect(response.headers.location).toBe('/reservas/h-1');
  });

  it('names a hold without orden_id by its Idempotency-Key, as every command', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, `${prefix}/reservas`, { items: [{ producto_id: 'PRO001', cantidad: 2 }] }, { headers: { 'Idempotency-Key': 'h-7' } });
    expect(response.status).toBe(202);
    expect(response.body.estado_url).toBe('/reservas/h-7');
  });

  it.each([
    ['a product twice', { items: [{ producto_id: 'PRO001', cantidad: 1 }, { producto_id: 'PRO001', cantidad: 1 }] }],
    ['an expiry under 60 s', { items: [{ producto_id: 'PRO001', cantidad: 1 }], expira_en_s: 59 }],
    ['a bad location', { items: [{ producto_id: 'PRO001', cantidad: 1, ubicacion_id: 'tienda' }] }],
  ])('refuses a hold with %s with 400 VALIDACION', async (_case, body) => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, `${prefix}/reservas`, body);
    expect(response.status).toBe(400);
    expect(response.body.codigo).toBe('VALIDACION');
  });

  it('accepts a sale line naming a location, and refuses a bad one', async () => {
    const gateway = createTestGateway();
    expect((await signedPost(gateway.app, `${prefix}/orden-venta`, { producto_id: 'PRO001', cantidad: 1, ubicacion_id: 'TIENDA-01' })).status).toBe(202);
    const bad = await signedPost(gateway.app, `${prefix}/orden-venta`, { producto_id: 'PRO001', cantidad: 1, ubicacion_id: 'x'.repeat(33) });
    expect(bad.status).toBe(400);
    expect(bad.body.detalles).toEqual([{ campo: 'ubicacion_id', mensaje: expect.any(String) }]);
  });
});
