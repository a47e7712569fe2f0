import { COMMANDS, commandEntry, commandEnvelopeSchema, commandPath } from '@inventario/events';
import { commandFingerprint, parseCommandBody } from '@inventario/inventory-core';
import request from 'supertest';
import { VALID_BODIES } from '../../test/support/bodies';
import { estadoUrl } from './paths';
import { createTestGateway, KEY, NOW, NOW_SECONDS, saleBody, signedPost } from '../../test/support/gateway';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('accepting a command', () => {
  it.each(COMMANDS.map((entry) => [commandPath(entry, 'pedido-1'), entry] as const))(
    'answers %s with 202, Location and {mensaje, orden_id, estado_url, sns_message_id}',
    async (route, entry) => {
      const gateway = createTestGateway();
      const response = await signedPost(gateway.app, route, { orden_id: 'pedido-1', ...VALID_BODIES[entry.type] });

      expect(response.status).toBe(202);
      expect(response.headers.location).toBe(estadoUrl(entry, 'pedido-1'));
      expect(response.body).toEqual({
        mensaje: expect.stringMatching(/recibid[ao]$/),
        orden_id: 'pedido-1',
        estado_url: estadoUrl(entry, 'pedido-1'),
        sns_message_id: 'sns-1',
      });
      expect(Object.keys(response.body).sort()).toEqual(['estado_url', 'mensaje', 'orden_id', 'sns_message_id']);
    },
  );

  it('says in Spanish what was received', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', saleBody());
    expect(response.body.mensaje).toBe('Orden de venta recibida');
  });

  it('records the command as accepted, with the fingerprint of what it asks for', async () => {
    const gateway = createTestGateway();
    const body = saleBody({ orden_id: 'venta-7' });
    await signedPost(gateway.app, '/orden-venta', body, { headers: { 'x-correlation-id': 'corr-7' } });

    const parsed = parseCommandBody('OrdenVenta', body);
    if (!parsed.ok) throw new Error('test body should be valid');
    expect(gateway.intake.recorded).toEqual([
      {
        type: 'OrdenVenta',
        ordenId: 'venta-7',
        fingerprint: commandFingerprint(parsed.payload),
        correlationId: 'corr-7',
        acceptedAt: NOW,
      },
    ]);
  });

  it('publishes to the catalogue entry an envelope with the raw body byte for byte and its X-Signature', async () => {
    const gateway = createTestGateway();
    const raw = '{ "orden_id" : "venta-8",\n  "producto_id": "PRO001", "cantidad": 2, "extra": "ñandú" }';
    const response = await signedPost(gateway.app, '/orden-venta', raw, { headers: { 'x-correlation-id': 'corr-8' } });

    expect(response.status).toBe(202);
    expect(gateway.publisher.published).toHaveLength(1);
    const [published] = gateway.publisher.published;
    expect(published?.entry).toBe(commandEntry('OrdenVenta'));
    const envelope = commandEnvelopeSchema.parse(published?.envelope);
    expect(Buffer.from(envelope.cuerpo, 'base64').equals(Buffer.from(raw))).toBe(true);
    expect(envelope.firma).toBe(response.request.getHeader('X-Signature'));
    expect(envelope).toMatchObject({
      tipo: 'OrdenVenta',
      orden_id: 'venta-8',
      correlation_id: 'corr-8',
      ocurrido: NOW.toISOString(),
      ruta: '/orden-venta',
    });
    expect(envelope.id).toMatch(UUID);
  });

  it('gives each publish its own envelope id', async () => {
    const gateway = createTestGateway();
    await signedPost(gateway.app, '/orden-venta', saleBody());
    await signedPost(gateway.app, '/orden-venta', saleBody());
    const [first, second] = gateway.publisher.published.map((p) => p.envelope.id);
    expect(first).not.toBe(second);
  });

  it('ignores unknown fields', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/eliminar-productos', { producto_id: 'PRO001', motivo: 'viejo', x: [1] });
    expect(response.status).toBe(202);
  });

  it('accepts the items form of a purchase', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-compra', {
      orden_id: 'compra-multi',
      items: [
        { producto_id: 'PRO001', cantidad: 1, nombre: 'Uno', precio: 1 },
        { producto_id: 'PRO002', cantidad: 2 },
      ],
    });
    expect(response.status).toBe(202);
    expect(gateway.intake.recorded[0]?.ordenId).toBe('compra-multi');
  });
});

describe('naming a command', () => {
  it('uses the Idempotency-Key header when the body has no orden_id', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', VALID_BODIES.OrdenVenta, {
      headers: { 'Idempotency-Key': 'reintento-1' },
    });
    expect(response.status).toBe(202);
    expect(response.body.orden_id).toBe('reintento-1');
    expect(response.headers.location).toBe('/orden-venta/reintento-1');
    expect(gateway.publisher.published[0]?.envelope.orden_id).toBe('reintento-1');
  });

  it("prefers the body's orden_id to the Idempotency-Key header", async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', saleBody({ orden_id: 'del-cuerpo' }), {
      headers: { 'Idempotency-Key': 'de-la-cabecera' },
    });
    expect(response.body.orden_id).toBe('del-cuerpo');
  });

  it.each([['tiene espacios'], ['x'.repeat(65)], ['ñ'], ['']])(
    'refuses the Idempotency-Key %j with 400 VALIDACION naming the header, recording and publishing nothing',
    async (key) => {
      const gateway = createTestGateway();
      const response = await signedPost(gateway.app, '/orden-venta', VALID_BODIES.OrdenVenta, {
        headers: { 'Idempotency-Key': key },
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: expect.any(String),
        codigo: 'VALIDACION',
        detalles: [{ campo: 'Idempotency-Key', mensaje: expect.any(String) }],
      });
      expect(gateway.intake.recorded).toEqual([]);
      expect(gateway.publisher.published).toEqual([]);
    },
  );

  it('makes a new id for a legacy-signed request when there is neither, and returns it', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', VALID_BODIES.OrdenVenta, { form: 'legacy' });
    expect(response.status).toBe(202);
    expect(response.body.orden_id).toMatch(UUID);
    expect(response.body.estado_url).toBe(`/orden-venta/${response.body.orden_id}`);
    expect(gateway.intake.recorded[0]?.ordenId).toBe(response.body.orden_id);
    expect(gateway.publisher.published[0]?.envelope.orden_id).toBe(response.body.orden_id);
  });

  it('makes a different id for each legacy-signed request without one, as the old system did', async () => {
    const gateway = createTestGateway();
    const first = await signedPost(gateway.app, '/orden-venta', VALID_BODIES.OrdenVenta, { form: 'legacy' });
    const second = await signedPost(gateway.app, '/orden-venta', VALID_BODIES.OrdenVenta, { form: 'legacy' });
    expect(first.body.orden_id).not.toBe(second.body.orden_id);
  });

  it.each([['request-bound'], ['timestamped']] as const)(
    'names a %s request without orden_id or Idempotency-Key by what it signed, so re-posting it is a retry',
    async (form) => {
      const gateway = createTestGateway();
      const first = await signedPost(gateway.app, '/orden-venta', VALID_BODIES.OrdenVenta, { form });
      const again = await signedPost(gateway.app, '/orden-venta', VALID_BODIES.OrdenVenta, { form });
      expect(first.status).toBe(202);
      expect(first.body.orden_id).toMatch(/^firma-\d+-[0-9a-f]{32}$/);
      expect(again.body.orden_id).toBe(first.body.orden_id);
      expect(again.body.estado_url).toBe(first.body.estado_url);
      expect(gateway.publisher.published.map((p) => p.envelope.orden_id)).toEqual([first.body.orden_id, first.body.orden_id]);
    },
  );

  it('gives another id to the same body signed at another second', async () => {
    const gateway = createTestGateway();
    const first = await signedPost(gateway.app, '/orden-venta', VALID_BODIES.OrdenVenta, { timestamp: NOW_SECONDS });
    const later = await signedPost(gateway.app, '/orden-venta', VALID_BODIES.OrdenVenta, { timestamp: NOW_SECONDS + 1 });
    expect(later.body.orden_id).not.toBe(first.body.orden_id);
  });

  it('reads an integer orden_id as its decimal string', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-compra', { orden_id: 1001, ...VALID_BODIES.OrdenCompra });
    expect(response.status).toBe(202);
    expect(response.body.orden_id).toBe('1001');
    expect(response.body.estado_url).toBe('/orden-compra/1001');
    expect(gateway.intake.recorded[0]?.ordenId).toBe('1001');
  });

  it('gives the same orden_id on the same route the same estado_url, every time', async () => {
    const gateway = createTestGateway();
    const first = await signedPost(gateway.app, '/orden-venta', saleBody({ orden_id: 'repetida' }));
    const retry = await signedPost(gateway.app, '/orden-venta', saleBody({ orden_id: 'repetida' }));
    expect(retry.status).toBe(202);
    expect(retry.body.estado_url).toBe(first.body.estado_url);
    expect(retry.headers.location).toBe(first.headers.location);
  });

  it('answers 202 to the same orden_id with another body, leaving the refusal to the consumer', async () => {
    const gateway = createTestGateway();
    const first = await signedPost(gateway.app, '/orden-venta', saleBody({ orden_id: 'reusada', cantidad: 1 }));
    const other = await signedPost(gateway.app, '/orden-venta', saleBody({ orden_id: 'reusada', cantidad: 9 }));
    expect(other.status).toBe(202);
    expect(other.body.estado_url).toBe(first.body.estado_url);
    const [a, b] = gateway.intake.recorded;
    expect(a?.fingerprint).not.toBe(b?.fingerprint);
  });

  it('percent-encodes the orden_id in estado_url, which then reads the outcome', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', saleBody({ orden_id: 'tienda:42' }));
    expect(response.body.estado_url).toBe('/orden-venta/tienda%3A42');

    gateway.queries.addCommand('OrdenVenta', { orden_id: 'tienda:42', tipo: 'OrdenVenta', estado: 'PENDIENTE' });
    const outcome = await request(gateway.app).get(response.body.estado_url);
    expect(outcome.status).toBe(200);
    expect(outcome.body.estado).toBe('PENDIENTE');
  });
});

describe('when a dependency is down', () => {
  it('answers 503 NO_DISPONIBLE with Retry-After when the publisher throws', async () => {
    const gateway = createTestGateway();
    gateway.publisher.failure = new Error('SNS unreachable');
    const response = await signedPost(gateway.app, '/orden-venta', saleBody());
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body).toEqual({ error: expect.any(String), codigo: 'NO_DISPONIBLE' });
  });

  it('answers 202 when the command was published though its PENDIENTE record could not be written: its consumer records it', async () => {
    const gateway = createTestGateway();
    gateway.intake.failure = new Error('DynamoDB unreachable');
    const response = await signedPost(gateway.app, '/orden-venta', saleBody({ orden_id: 'sin-registro' }));
    expect(response.status).toBe(202);
    expect(gateway.publisher.published.map((p) => p.envelope.orden_id)).toEqual(['sin-registro']);
    expect(gateway.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'Command published but not recorded as PENDIENTE; its consumer records it' }),
    );
  });

  it('takes back the PENDIENTE record it wrote when the publish fails, so nothing waits on a message that does not exist', async () => {
    const gateway = createTestGateway();
    gateway.publisher.failure = new Error('SNS unreachable');
    const response = await signedPost(gateway.app, '/orden-venta', saleBody({ orden_id: 'sin-mensaje' }));
    expect(response.status).toBe(503);
    expect(gateway.intake.withdrawn).toEqual(gateway.intake.recorded);
    expect(gateway.intake.withdrawn.map((c) => c.ordenId)).toEqual(['sin-mensaje']);
  });

  it('logs what failed without the body, the signature or the key', async () => {
    const gateway = createTestGateway();
    gateway.publisher.failure = new Error('SNS unreachable');
    const body = saleBody({ orden_id: 'secreto-en-cuerpo' });
    const response = await signedPost(gateway.app, '/orden-venta', body, { headers: { 'x-correlation-id': 'corr-503' } });
    const logged = JSON.stringify(gateway.logs);

    expect(gateway.logs).toContainEqual({
      level: 'error',
      message: 'Dependency unavailable',
      attributes: [{ operation: 'publish', correlation_id: 'corr-503', error: { name: 'Error', message: 'SNS unreachable' } }],
    });
    expect(logged).not.toContain(JSON.stringify(body));
    expect(logged).not.toContain(String(response.request.getHeader('X-Signature')).slice(-64));
    expect(logged).not.toContain(KEY);
  });
});
