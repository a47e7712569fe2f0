import path from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { COMMANDS, commandPath, idInPath, loadRuntimeConfig } from '@inventario/events';
import { KeyRing, verifySignature } from '@inventario/signature';
import request from 'supertest';
import { InMemoryQueries, RecordingIntake, RecordingPublisher } from '../../test/support/fakes';
import { createGatewayApp } from '../app';
import type { GatewayDeps } from '../gateway-deps';
import { withConsole } from './with-console';

const KEY = 'console-test-key';
const TOKEN = 'console-test-token';
const STATIC_DIR = path.resolve(__dirname, '../../console');
const NOW = new Date('2025-06-01T12:00:00.000Z');

function consoleGateway(options: { stage?: string; token?: string | undefined; secret?: string } = {}) {
  const publisher = new RecordingPublisher();
  const intake = new RecordingIntake();
  const queries = new InMemoryQueries();
  const secret = 'secret' in options ? options.secret : KEY;
  const config = { ...loadRuntimeConfig(process.env), stage: options.stage ?? 'dev', signatureSecret: secret };
  const deps: GatewayDeps = {
    keyRing: KeyRing.fromSecret(secret),
    allowLegacy: true,
    stage: config.stage,
    publisher,
    intake,
    queries,
    logger: new Logger({ serviceName: 'console-test', logLevel: 'SILENT' }),
    now: () => NOW,
  };
  const token = 'token' in options ? options.token : TOKEN;
  const app = createGatewayApp(withConsole(deps, config, { token, staticDir: STATIC_DIR }));
  return { app, publisher, intake, queries };
}

const bearer = { Authorization: `Bearer ${TOKEN}` };

describe('the console', () => {
  it('does not exist on a deployed stage without CONSOLA_TOKEN: 404 for the page and the API', async () => {
    const { app } = consoleGateway({ stage: 'prod', token: undefined });
    for (const route of ['/consola', '/consola/', '/consola/index.html', '/consola/api/sesion']) {
      const response = await request(app).get(route).set(bearer);
      expect(response.status).toBe(404);
      expect(response.body.codigo).toBe('NO_ENCONTRADO');
    }
  });

  it('is on locally with the local default key and no CONSOLA_TOKEN, behind the local token', async () => {
    const { app } = consoleGateway({ token: undefined, secret: undefined });
    expect((await request(app).get('/consola/api/sesion')).status).toBe(401);
    expect((await request(app).get('/consola/api/sesion').set('Authorization', 'Bearer consola-local')).status).toBe(200);
  });

  it.each([['/sesion'], ['/productos'], ['/productos/PRO001'], ['/comandos/recientes'], ['/comandos/x-1'], ['/colas'], ['/colas/orden-compra/mensajes']])(
    'refuses GET /consola/api%s without the token or with another: 401 NO_AUTORIZADO',
    async (route) => {
      const { app } = consoleGateway();
      for (const headers of [{}, { Authorization: 'Bearer otro' }, { Authorization: TOKEN }]) {
        const response = await request(app).get(`/consola/api${route}`).set(headers);
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ error: expect.any(String), codigo: 'NO_AUTORIZADO' });
        expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      }
    },
  );

  it('refuses a form command or a replay without the token, and publishes nothing', async () => {
    const { app, publisher } = consoleGateway();
    const sent = await request(app).post('/consola/api/enviar/orden-venta').set('Content-Type', 'application/json').send('{"producto_id":"PRO001","cantidad":1}');
    const replay = await request(app).post('/consola/api/colas/orden-compra/reenvio?simulacro=false');
    expect([sent.status, replay.status]).toEqual([401, 401]);
    expect(publisher.published).toHaveLength(0);
  });

  it('serves the page under its own Content-Security-Policy, and sends /consola to /consola/', async () => {
    const { app } = consoleGateway();
    const redirect = await request(app).get('/consola');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/consola/');
    const page = await request(app).get('/consola/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).not.toMatch(/https?:\/\//);
  });

  it("signs a form's command on the server and publishes it exactly as a client's signed command", async () => {
    const { app, publisher, intake } = consoleGateway();
    const body = '{"orden_id":"form-1","producto_id":"PRO001","cantidad":2}';
    const response = await request(app).post('/consola/api/enviar/orden-venta').set(bearer).set('Content-Type', 'application/json').set('X-Signature', 'forged').send(body);
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ orden_id: 'form-1', estado_url: '/orden-venta/form-1' });
    const [published] = publisher.published;
    expect(published?.entry.type).toBe('OrdenVenta');
    expect(Buffer.from(published?.envelope.cuerpo ?? '', 'base64').toString()).toBe(body);
    // Signed request-bound for the route it stands for, as the envelope says: its consumer verifies it there.
    expect(published?.envelope.ruta).toBe('/orden-venta');
    const signedFor = { method: 'POST', path: '/orden-venta' };
    expect(
      verifySignature({ keyRing: KeyRing.fromSecret(KEY), header: published?.envelope.firma, body: Buffer.from(body), nowSeconds: NOW.getTime() / 1000, allowLegacy: false, allowV1: false, request: signedFor }),
    ).toMatchObject({ ok: true, form: 'request-bound' });
    expect(intake.recorded.map((command) => command.ordenId)).toEqual(['form-1']);
  });

  it('refuses a form body that breaks the rules with the contract answer, and publishes nothing', async () => {
    const { app, publisher } = consoleGateway();
    const response = await request(app).post('/consola/api/enviar/orden-venta').set(bearer).set('Content-Type', 'application/json').send('{"producto_id":"X","cantidad":0}');
    expect(response.status).toBe(400);
    expect(response.body.codigo).toBe('VALIDACION');
    expect(publisher.published).toHaveLength(0);
  });

  it('has a form route for every command of the catalogue', async () => {
    const { app } = consoleGateway();
    // A step's route names its hold in the path, and {} is a whole step body: it has its own test below.
    for (const entry of COMMANDS.filter((candidate) => !idInPath(candidate))) {
      const response = await request(app).post(`/consola/api/enviar${entry.route}`).set(bearer).set('Content-Type', 'application/json').send('{}');
      expect(response.status).toBe(400);
    }
  });

  it.each(COMMANDS.filter(idInPath).map((entry) => [entry.route, entry] as const))(
    'sends the step %s named by the form path, signed for the route with that id',
    async (_route, entry) => {
      const { app, publisher } = consoleGateway();
      const stepPath = commandPath(entry, 'r-1');
      const response = await request(app).post(`/consola/api/enviar${stepPath}`).set(bearer).set('Content-Type', 'application/json').send('');
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({ orden_id: 'r-1', estado_url: stepPath });
      const [published] = publisher.published;
      expect(published?.envelope).toMatchObject({ tipo: entry.type, orden_id: 'r-1', ruta: stepPath });
      expect(
        verifySignature({ keyRing: KeyRing.fromSecret(KEY), header: published?.envelope.firma, body: Buffer.alloc(0), nowSeconds: NOW.getTime() / 1000, allowLegacy: false, allowV1: false, request: { method: 'POST', path: stepPath } }),
      ).toMatchObject({ ok: true, form: 'request-bound' });
      const mismatch = await request(app).post(`/consola/api/enviar${stepPath}`).set(bearer).set('Content-Type', 'application/json').send('{"orden_id":"r-2"}');
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.detalles).toEqual([{ campo: 'orden_id', mensaje: expect.any(String) }]);
    },
  );

  it('finds products by id, by part of the name in any case, and flags stock under STOCK_MINIMO', async () => {
    const { app, queries } = consoleGateway();
    queries.addProduct({ producto_id: 'PRO001', nombre: 'Lápiz rojo', stock: 2, precio: 1, estado: true });
    queries.addProduct({ producto_id: 'PRO002', nombre: 'Cuaderno', stock: 40, precio: 3, estado: true });
    queries.addProduct({ producto_id: 'PRO003', nombre: 'Lápiz azul', stock: 9, precio: 1, estado: false });

    const byName = await request(app).get('/consola/api/productos').query({ q: 'LÁPIZ' }).set(bearer);
    expect(byName.status).toBe(200);
    expect(byName.body.data.map((product: { producto_id: string; stock_bajo: boolean }) => [product.producto_id, product.stock_bajo])).toEqual([
      ['PRO001', true],
      ['PRO003', false],
    ]);
    const byId = await request(app).get('/consola/api/productos').query({ q: 'PRO002' }).set(bearer);
    expect(byId.body.data).toEqual([{ producto_id: 'PRO002', nombre: 'Cuaderno', stock: 40, precio: 3, estado: true, stock_bajo: false }]);
  });

  it('pages a search: every product once over the pages', async () => {
    const { app, queries } = consoleGateway();
    for (let n = 1; n <= 7; n += 1) queries.addProduct({ producto_id: `PRO10${n}`, nombre: `Producto ${n}`, stock: n, precio: 1, estado: true });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await request(app).get('/consola/api/productos').query({ limit: 3, ...(cursor && { cursor }) }).set(bearer);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.data.map((product: { producto_id: string }) => product.producto_id));
      cursor = page.body.siguiente;
    } while (cursor);
    expect(seen).toEqual(['PRO101', 'PRO102', 'PRO103', 'PRO104', 'PRO105', 'PRO106', 'PRO107']);
  });

  it('shows a product with its ledger, and 404 for one that does not exist', async () => {
    const { app, queries } = consoleGateway();
    queries.addProduct({ producto_id: 'PRO001', nombre: 'Lápiz', stock: 3, precio: 1, estado: true });
    queries.movements.set('PRO001', [
      { producto_id: 'PRO001', orden_id: 'c-1', tipo: 'COMPRA', cantidad: 3, stock_resultante: 3, fecha: '2025-06-01T00:00:00.000Z' },
    ]);
    const found = await request(app).get('/consola/api/productos/PRO001').set(bearer);
    expect(found.body).toMatchObject({ producto: { producto_id: 'PRO001', stock_bajo: true }, stock_minimo: 5, movimientos: { data: [{ orden_id: 'c-1' }] } });
    expect((await request(app).get('/consola/api/productos/PRO999').set(bearer)).status).toBe(404);
  });

  it('looks an orden_id up on every route, and lists the latest accepted commands with their outcomes', async () => {
    const { app, queries } = consoleGateway();
    const body = '{"orden_id":"v-9","producto_id":"PRO001","cantidad":1}';
    await request(app).post('/consola/api/enviar/orden-venta').set(bearer).set('Content-Type', 'application/json').send(body).expect(202);
    expect((await request(app).get('/consola/api/comandos/recientes').set(bearer)).body.data).toEqual([
      expect.objectContaining({ orden_id: 'v-9', tipo: 'OrdenVenta', estado: 'PENDIENTE', ruta: '/orden-venta', aceptado: NOW.toISOString() }),
    ]);
    queries.addCommand('OrdenVenta', { orden_id: 'v-9', tipo: 'OrdenVenta', estado: 'RECHAZADA', motivo: { codigo: 'STOCK_INSUFICIENTE', mensaje: 'x' } });
    queries.addCommand('OrdenCompra', { orden_id: 'v-9', tipo: 'OrdenCompra', estado: 'APLICADA' });
    const looked = await request(app).get('/consola/api/comandos/v-9').set(bearer);
    expect(looked.body.data.map((outcome: { ruta: string; estado: string }) => [outcome.ruta, outcome.estado])).toEqual([
      ['/orden-compra', 'APLICADA'],
      ['/orden-venta', 'RECHAZADA'],
    ]);
    expect((await request(app).get('/consola/api/comandos/recientes').set(bearer)).body.data[0]).toMatchObject({ estado: 'RECHAZADA' });
    expect((await request(app).get('/consola/api/comandos/no%20valido').set(bearer)).status).toBe(400);
  });

  it('answers 404 for a service the catalogue does not know', async () => {
    const { app } = consoleGateway();
    expect((await request(app).get('/consola/api/colas/nadie/mensajes').set(bearer)).status).toBe(404);
    expect((await request(app).post('/consola/api/colas/nadie/reenvio').set(bearer)).status).toBe(404);
  });
});
