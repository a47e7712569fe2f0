import { signRequest } from '@inventario/signature';
import { createTestGateway, KEY, NOW_SECONDS, saleBody, signedPost, unsignedPost } from '../../test/support/gateway';

describe('signing: the request-bound form t=<unix seconds>,v2=<hex> over method, path and body', () => {
  it.each([['/orden-venta'], ['/dev/orden-venta']])('accepts a v2 signature made for %s on that path', async (path) => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, path, saleBody(), { form: 'request-bound' });
    expect(response.status).toBe(202);
  });

  it('refuses with 401 FIRMA_INVALIDA a signed sale body posted to /actualizar-producto, where it would set the stock', async () => {
    const gateway = createTestGateway();
    const body = JSON.stringify({ orden_id: 'v-9', producto_id: 'PRO001', cantidad: 2 });
    const header = signRequest(KEY, { method: 'POST', path: '/orden-venta' }, body, NOW_SECONDS);
    const response = await unsignedPost(gateway.app, '/actualizar-producto', body, { headers: { 'X-Signature': header } });
    expect(response.status).toBe(401);
    expect(response.body.codigo).toBe('FIRMA_INVALIDA');
    expect(gateway.intake.recorded).toEqual([]);
    expect(gateway.publisher.published).toEqual([]);
  });

  it('refuses a v2 signature made for the bare path on the stage-prefixed one: the path is signed as sent', async () => {
    const gateway = createTestGateway();
    const body = JSON.stringify(saleBody());
    const header = signRequest(KEY, { method: 'POST', path: '/orden-venta' }, body, NOW_SECONDS);
    const response = await unsignedPost(gateway.app, '/dev/orden-venta', body, { headers: { 'X-Signature': header } });
    expect(response.status).toBe(401);
  });

  it('ignores the query string, which is not part of the signed path', async () => {
    const gateway = createTestGateway();
    const body = JSON.stringify(saleBody());
    const header = signRequest(KEY, { method: 'POST', path: '/orden-venta' }, body, NOW_SECONDS);
    const response = await unsignedPost(gateway.app, '/orden-venta?origen=tienda', body, { headers: { 'X-Signature': header } });
    expect(response.status).toBe(202);
  });

  it('expires a v2 signature outside 300 s with 401 FIRMA_EXPIRADA', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { form: 'request-bound', timestamp: NOW_SECONDS - 301 });
    expect(response.status).toBe(401);
    expect(response.body.codigo).toBe('FIRMA_EXPIRADA');
  });
});

describe('signing: SIGNATURE_V1=false', () => {
  it('refuses the v1 form with 401 FIRMA_INVALIDA', async () => {
    const gateway = createTestGateway({ allowV1: false });
    const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { form: 'timestamped' });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: expect.stringContaining('v2'), codigo: 'FIRMA_INVALIDA' });
  });

  it('still accepts v2, and the legacy form while SIGNATURE_LEGACY allows it', async () => {
    const gateway = createTestGateway({ allowV1: false });
    expect((await signedPost(gateway.app, '/orden-venta', saleBody(), { form: 'request-bound' })).status).toBe(202);
    expect((await signedPost(gateway.app, '/orden-venta', saleBody(), { form: 'legacy' })).status).toBe(202);
  });
});

describe('signing: a v2 is only good on a path its consumer reads as the route', () => {
  it.each([['/ORDEN-VENTA'], ['/orden-venta/']])('refuses a v2 signed for %s, which express routes but the consumer would not accept', async (path) => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, path, saleBody(), { form: 'request-bound' });
    expect(response.status).toBe(401);
    expect(gateway.publisher.published).toEqual([]);
  });
});
