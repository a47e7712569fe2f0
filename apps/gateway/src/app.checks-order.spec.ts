import { signTimestamped } from '@inventario/signature';
import { saleBodyOfSize } from '../test/support/bodies';
import { createTestGateway, KEY, NOW_SECONDS, saleBody, signedPost, unsignedPost, type TestGateway } from '../test/support/gateway';

/** A rejected command must leave no trace: nothing recorded, nothing published. */
function expectNothingAccepted(gateway: TestGateway): void {
  expect(gateway.intake.recorded).toEqual([]);
  expect(gateway.publisher.published).toEqual([]);
}

describe('the checks of a command run in the contract order: size, content type, signature, JSON, rules', () => {
  it('answers an oversized, unsigned text/plain body with 413, not 415 or 401', async () => {
    const gateway = createTestGateway();
    const response = await unsignedPost(gateway.app, '/orden-venta', 'x'.repeat(70_000), { contentType: 'text/plain' });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: expect.any(String), codigo: 'CUERPO_DEMASIADO_GRANDE' });
    expectNothingAccepted(gateway);
  });

  it('answers an unsigned body of another content type with 415, not 401', async () => {
    const gateway = createTestGateway();
    const response = await unsignedPost(gateway.app, '/orden-venta', JSON.stringify(saleBody()), { contentType: 'text/plain' });
    expect(response.status).toBe(415);
    expect(response.body).toEqual({ error: expect.any(String), codigo: 'TIPO_NO_SOPORTADO' });
    expectNothingAccepted(gateway);
  });

  it('answers a form-encoded body with 415 even when it is signed', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', 'producto_id=PRO001&cantidad=2', {
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(415);
    expectNothingAccepted(gateway);
  });

  it('answers a wrongly signed body that is not JSON with 401, not 400', async () => {
    const gateway = createTestGateway();
    const response = await unsignedPost(gateway.app, '/orden-venta', '{not json', {
      headers: { 'X-Signature': signTimestamped('another-key', '{not json', NOW_SECONDS) },
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: expect.any(String), codigo: 'FIRMA_INVALIDA' });
    expectNothingAccepted(gateway);
  });

  it('answers an unsigned body that is not JSON with 401 FIRMA_AUSENTE, not 400', async () => {
    const gateway = createTestGateway();
    const response = await unsignedPost(gateway.app, '/orden-venta', 'nada');
    expect(response.status).toBe(401);
    expect(response.body.codigo).toBe('FIRMA_AUSENTE');
    expectNothingAccepted(gateway);
  });

  it('answers a signed body that is not JSON with 400 JSON_INVALIDO', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', '{"orden_id": "a",');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: expect.any(String), codigo: 'JSON_INVALIDO' });
    expectNothingAccepted(gateway);
  });

  it('answers a signed empty body with 400 JSON_INVALIDO', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', '');
    expect(response.status).toBe(400);
    expect(response.body.codigo).toBe('JSON_INVALIDO');
    expectNothingAccepted(gateway);
  });

  it('answers a signed body whose bytes are not UTF-8 with 400 JSON_INVALIDO', async () => {
    const gateway = createTestGateway();
    const raw = Buffer.concat([Buffer.from('{"orden_id":"a","producto_id":"PRO001","cantidad":1,"x":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const response = await signedPost(gateway.app, '/orden-venta', raw);
    expect(response.status).toBe(400);
    expect(response.body.codigo).toBe('JSON_INVALIDO');
  });

  it('answers a signed JSON body that breaks a rule with 400 VALIDACION naming the fields', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', { orden_id: 'v-1', producto_id: 'XYZ', cantidad: 0 });
    expect(response.status).toBe(400);
    expect(response.body.codigo).toBe('VALIDACION');
    expect(response.body.detalles.map((d: { campo: string }) => d.campo).sort()).toEqual(['cantidad', 'producto_id']);
    for (const detalle of response.body.detalles) expect(detalle).toEqual({ campo: expect.any(String), mensaje: expect.any(String) });
    expectNothingAccepted(gateway);
  });

  it('answers a signed JSON value that is not an object with 400 VALIDACION', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', '[1,2]');
    expect(response.status).toBe(400);
    expect(response.body.codigo).toBe('VALIDACION');
  });

  it('refuses a body with both items and producto_id with 400 VALIDACION', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', {
      producto_id: 'PRO001',
      cantidad: 1,
      items: [{ producto_id: 'PRO002', cantidad: 1 }],
    });
    expect(response.status).toBe(400);
    expect(response.body.detalles).toEqual([{ campo: 'items', mensaje: expect.any(String) }]);
  });

  it('checks the signature over the raw bytes, before parsing: the same JSON spaced differently fails', async () => {
    const gateway = createTestGateway();
    const signedText = JSON.stringify(saleBody());
    const sentText = JSON.stringify(saleBody(), null, 2);
    const response = await unsignedPost(gateway.app, '/orden-venta', sentText, {
      headers: { 'X-Signature': signTimestamped(KEY, signedText, NOW_SECONDS) },
    });
    expect(response.status).toBe(401);
    expect(response.body.codigo).toBe('FIRMA_INVALIDA');
  });
});

describe('content types', () => {
  it.each([
    ['application/json'],
    ['application/json; charset=utf-8'],
    ['application/json;charset=UTF-8'],
    ['Application/JSON'],
    ['application/vnd.inventario.orden+json'],
    ['application/merge-patch+json; charset=utf-8'],
  ])('accepts %s', async (contentType) => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { contentType });
    expect(response.status).toBe(202);
  });

  it('reads a body without Content-Type as JSON', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { contentType: null });
    expect(response.request.getHeader('Content-Type')).toBeUndefined();
    expect(response.status).toBe(202);
  });

  it.each([['text/plain'], ['application/xml'], ['multipart/form-data; boundary=x'], ['text/json'], ['application/jsonp']])(
    'refuses %s with 415 TIPO_NO_SOPORTADO',
    async (contentType) => {
      const gateway = createTestGateway();
      const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { contentType });
      expect(response.status).toBe(415);
      expect(response.body.codigo).toBe('TIPO_NO_SOPORTADO');
      expectNothingAccepted(gateway);
    },
  );
});

describe('body size: at most 64 KiB', () => {
  it('accepts a body of exactly 65536 bytes', async () => {
    const gateway = createTestGateway();
    const body = saleBodyOfSize(65_536);
    expect(body.length).toBe(65_536);
    const response = await signedPost(gateway.app, '/orden-venta', body);
    expect(response.status).toBe(202);
  });

  it('refuses a body of 65537 bytes with 413 CUERPO_DEMASIADO_GRANDE, even when signed', async () => {
    const gateway = createTestGateway();
    const body = saleBodyOfSize(65_537);
    const response = await signedPost(gateway.app, '/orden-venta', body);
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: expect.any(String), codigo: 'CUERPO_DEMASIADO_GRANDE' });
    expect(response.headers['x-correlation-id']).toEqual(expect.any(String));
    expectNothingAccepted(gateway);
  });
});
