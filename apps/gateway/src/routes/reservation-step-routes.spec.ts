import { commandEnvelopeSchema } from '@inventario/events';
import { signRequest } from '@inventario/signature';
import request from 'supertest';
import { createTestGateway, KEY, NOW_SECONDS, signedPost as signedAnyForm, unsignedPost } from '../../test/support/gateway';

/** Steps are posted signed v2 here (a body without the hold's id needs it); a test may name another form. */
const signedPost: typeof signedAnyForm = (app, path, body, options = {}) => signedAnyForm(app, path, body, { form: 'request-bound', ...options });

const STEPS = [
  ['confirmar', 'ConfirmarReserva', 'Confirmación de reserva recibida'],
  ['liberar', 'LiberarReserva', 'Liberación de reserva recibida'],
] as const;

describe.each(STEPS)('POST /reservas/{orden_id}/%s', (step, type, mensaje) => {
  describe.each([[''], ['/dev']])('with prefix %j', (prefix) => {
    const path = `${prefix}/reservas/r-1/${step}`;

    it('accepts an empty body: 202, the id of the path, Location = estado_url = the bare path', async () => {
      const gateway = createTestGateway();
      const response = await signedPost(gateway.app, path, Buffer.alloc(0));

      expect(response.status).toBe(202);
      expect(response.body).toEqual({ mensaje, orden_id: 'r-1', estado_url: `/reservas/r-1/${step}`, sns_message_id: 'sns-1' });
      expect(response.headers.location).toBe(`/reservas/r-1/${step}`);
      const [published] = gateway.publisher.published;
      const envelope = commandEnvelopeSchema.parse(published?.envelope);
      expect(published?.entry.type).toBe(type);
      expect(envelope).toEqual(expect.objectContaining({ tipo: type, orden_id: 'r-1', ruta: path, cuerpo: '' }));
      expect(gateway.intake.recorded).toEqual([expect.objectContaining({ type, ordenId: 'r-1' })]);
    });

    it('accepts a body whose orden_id is the path one', async () => {
      const gateway = createTestGateway();
      const response = await signedPost(gateway.app, path, { orden_id: 'r-1' });
      expect(response.status).toBe(202);
      expect(response.body.orden_id).toBe('r-1');
      expect(gateway.publisher.published[0]?.envelope.orden_id).toBe('r-1');
    });

    it('accepts {} and a body of other fields (unknown fields are ignored)', async () => {
      const gateway = createTestGateway();
      expect((await signedPost(gateway.app, path, {})).status).toBe(202);
      expect((await signedPost(gateway.app, path, { nota: 'x' })).status).toBe(202);
    });

    it('refuses a body naming another orden_id with 400 VALIDACION on orden_id, publishing nothing', async () => {
      const gateway = createTestGateway();
      const response = await signedPost(gateway.app, path, { orden_id: 'r-2' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: expect.any(String), codigo: 'VALIDACION', detalles: [{ campo: 'orden_id', mensaje: expect.any(String) }] });
      expect(gateway.publisher.published).toEqual([]);
      expect(gateway.intake.recorded).toEqual([]);
    });

    it.each([['x'.repeat(65)], ['a%20b'], ['a%2Fb'], ['%C3%B1']])('refuses the path id %s with 400 VALIDACION on orden_id', async (id) => {
      const gateway = createTestGateway();
      const response = await signedPost(gateway.app, `${prefix}/reservas/${id}/${step}`, Buffer.alloc(0));
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: expect.any(String), codigo: 'VALIDACION', detalles: [{ campo: 'orden_id', mensaje: expect.any(String) }] });
      expect(gateway.publisher.published).toEqual([]);
    });

    it('reads an integer body orden_id as its digits, equal to the path', async () => {
      const gateway = createTestGateway();
      const response = await signedPost(gateway.app, `${prefix}/reservas/1001/${step}`, { orden_id: 1001 });
      expect(response.status).toBe(202);
      expect(response.body.orden_id).toBe('1001');
    });

    it('ignores Idempotency-Key: the path names the command', async () => {
      const gateway = createTestGateway();
      const response = await signedPost(gateway.app, path, Buffer.alloc(0), { headers: { 'Idempotency-Key': 'otra-clave' } });
      expect(response.status).toBe(202);
      expect(response.body.orden_id).toBe('r-1');
      const invalidKey = await signedPost(gateway.app, path, Buffer.alloc(0), { headers: { 'Idempotency-Key': 'no vale' } });
      expect(invalidKey.status).toBe(202);
    });

    it.each([['request-bound'], ['timestamped'], ['legacy']] as const)('verifies the %s signature as on every command', async (form) => {
      const gateway = createTestGateway();
      const body = { orden_id: 'r-1' };
      expect((await signedPost(gateway.app, path, body, { form })).status).toBe(202);
      expect((await signedPost(gateway.app, path, body, { form, key: 'otra-clave' })).status).toBe(401);
    });

    it.each([['timestamped'], ['legacy']] as const)('refuses a %s signature over a body that names no hold: it would fit every hold', async (form) => {
      const gateway = createTestGateway();
      for (const body of [Buffer.alloc(0), {}]) {
        const response = await signedPost(gateway.app, path, body, { form });
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ error: expect.any(String), codigo: 'VALIDACION', detalles: [{ campo: 'orden_id', mensaje: expect.stringContaining('v2') }] });
      }
      expect(gateway.publisher.published).toEqual([]);
      expect(gateway.intake.recorded).toEqual([]);
    });

    it('refuses a v2 signature made for another hold: it binds the id', async () => {
      const gateway = createTestGateway();
      const signature = signRequest(KEY, { method: 'POST', path: `${prefix}/reservas/r-2/${step}` }, Buffer.alloc(0), NOW_SECONDS);
      const response = await unsignedPost(gateway.app, path, Buffer.alloc(0), { headers: { 'X-Signature': signature } });
      expect(response.status).toBe(401);
      expect(response.body.codigo).toBe('FIRMA_INVALIDA');
      expect(gateway.publisher.published).toEqual([]);
    });

    it('checks the signature before the body and the path id', async () => {
      const gateway = createTestGateway();
      const unsigned = await unsignedPost(gateway.app, path, JSON.stringify({ orden_id: 'r-2' }));
      expect(unsigned.status).toBe(401);
      expect(unsigned.body.codigo).toBe('FIRMA_AUSENTE');
    });

    it('refuses a body that is not JSON with 400 JSON_INVALIDO', async () => {
      const gateway = createTestGateway();
      const response = await signedPost(gateway.app, path, '{');
      expect(response.status).toBe(400);
      expect(response.body.codigo).toBe('JSON_INVALIDO');
    });

    it('refuses a path Express routes here but that is not the route as written (another case, a trailing /)', async () => {
      const gateway = createTestGateway();
      for (const other of [`${prefix}/RESERVAS/r-1/${step.toUpperCase()}`, `${path}/`]) {
        // Signed v1 over a body naming the hold: a v2 over such a path is refused before (401).
        const response = await signedPost(gateway.app, other, { orden_id: 'r-1' }, { form: 'timestamped' });
        expect({ other, status: response.status, codigo: response.body.codigo }).toEqual({ other, status: 400, codigo: 'VALIDACION' });
      }
      expect(gateway.publisher.published).toEqual([]);
    });

    it("answers GET (its estado_url) with the step's outcome, HEAD alike, 404 when it has none", async () => {
      const gateway = createTestGateway();
      const outcome = {
        orden_id: 'r-1',
        tipo: type,
        estado: 'APLICADA' as const,
        lineas: [{ producto_id: 'PRO001', cantidad: -2, stock_resultante: 8, ubicacion_id: 'CENTRAL', stock_ubicacion: 8, reservado: 0, disponible: 8 }],
      };
      gateway.queries.addCommand(type, outcome);

      const found = await request(gateway.app).get(path);
      expect(found.status).toBe(200);
      expect(found.body).toEqual(outcome);
      const head = await request(gateway.app).head(path);
      expect(head.status).toBe(200);
      expect(head.text).toBeFalsy();
      const missing = await request(gateway.app).get(`${prefix}/reservas/r-9/${step}`);
      expect(missing.status).toBe(404);
      expect(missing.body.codigo).toBe('NO_ENCONTRADO');
      expect((await request(gateway.app).get(`${prefix}/reservas/${'x'.repeat(65)}/${step}`)).status).toBe(404);
    });

    it('answers another method with 405 and Allow: POST, GET, HEAD', async () => {
      const gateway = createTestGateway();
      const response = await request(gateway.app).delete(path);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('POST, GET, HEAD');
    });
  });
});

describe('the steps and the hold are different commands of the same id', () => {
  it('publishes each step to its own topic, named by the hold', async () => {
    const gateway = createTestGateway();
    await signedPost(gateway.app, '/reservas', { orden_id: 'h-1', items: [{ producto_id: 'PRO001', cantidad: 1 }] });
    await signedPost(gateway.app, '/reservas/h-1/confirmar', Buffer.alloc(0));
    await signedPost(gateway.app, '/dev/reservas/h-1/liberar', Buffer.alloc(0));
    expect(gateway.publisher.published.map(({ entry, envelope }) => [entry.topic, envelope.orden_id, envelope.ruta])).toEqual([
      ['CrearReserva', 'h-1', '/reservas'],
      ['ConfirmarReserva', 'h-1', '/reservas/h-1/confirmar'],
      ['LiberarReserva', 'h-1', '/dev/reservas/h-1/liberar'],
    ]);
  });
});
