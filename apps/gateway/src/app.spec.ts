import { COMMANDS, commandPath, idInPath } from '@inventario/events';
import request from 'supertest';
import { VALID_BODIES } from '../test/support/bodies';
import { estadoUrl } from './routes/paths';
import { createTestGateway, KEY, saleBody, signedPost, unsignedPost, type TestGateway } from '../test/support/gateway';

/** A gateway whose store holds one product and one outcome per command type (`c-1`). */
function gatewayWithData(options: Parameters<typeof createTestGateway>[0] = {}): TestGateway {
  const gateway = createTestGateway(options);
  gateway.queries.addProduct({ producto_id: 'PRO001', nombre: 'Laptop', stock: 3, precio: 10, estado: true });
  gateway.queries.movements.set('PRO001', [
    { producto_id: 'PRO001', orden_id: 'c-1', tipo: 'COMPRA', cantidad: 3, stock_resultante: 3, fecha: '2025-06-01T00:00:00.000Z' },
  ]);
  for (const entry of COMMANDS) gateway.queries.addCommand(entry.type, { orden_id: 'c-1', tipo: entry.type, estado: 'APLICADA' });
  gateway.queries.addReservation({
    orden_id: 'c-1',
    estado: 'ACTIVA',
    lineas: [{ producto_id: 'PRO001', ubicacion_id: 'CENTRAL', cantidad: 1 }],
    creada: '2025-06-01T11:55:00.000Z',
    expira_en: '2025-06-01T12:10:00.000Z',
  });
  return gateway;
}

const GET_ROUTES = [
  ...COMMANDS.map((entry) => estadoUrl(entry, 'c-1')),
  '/obtener-inventario',
  '/productos/PRO001',
  '/productos/PRO001/movimientos',
  '/ubicaciones/CENTRAL/productos',
  '/health',
  '/ready',
  '/openapi.json',
];

describe('routes', () => {
  describe.each([[''], ['/dev']])('with prefix %j', (prefix) => {
    it.each(COMMANDS.map((entry) => [commandPath(entry, 'c-9'), entry] as const))('accepts POST %s', async (route, entry) => {
      const gateway = gatewayWithData();
      const response = await signedPost(gateway.app, `${prefix}${route}`, VALID_BODIES[entry.type], { form: 'request-bound' });
      expect(response.status).toBe(202);
      expect(response.body.estado_url).toBe(estadoUrl(entry, response.body.orden_id));
      expect(response.body.estado_url.startsWith(idInPath(entry) ? route : `${route}/`)).toBe(true);
    });

    it.each(GET_ROUTES.map((route) => [route]))('answers GET %s with 200 JSON', async (route) => {
      const gateway = gatewayWithData();
      const response = await request(gateway.app).get(`${prefix}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    });

    it.each(GET_ROUTES.map((route) => [route]))('answers HEAD %s like GET, without a body', async (route) => {
      const gateway = gatewayWithData();
      const response = await request(gateway.app).head(`${prefix}${route}`);
      expect(response.status).toBe(200);
      expect(response.text).toBeFalsy();
    });
  });

  it('answers under the configured stage instead of /dev', async () => {
    const gateway = gatewayWithData({ stage: 'prod' });
    expect((await request(gateway.app).get('/prod/health')).status).toBe(200);
    expect((await request(gateway.app).get('/health')).status).toBe(200);
    expect((await request(gateway.app).get('/dev/health')).status).toBe(404);
  });

  it.each([['/no-existe'], ['/dev/no-existe'], ['/'], ['/dev'], ['/orden-venta/a/b'], ['/dev/dev/health']])(
    'answers the unknown route %s with 404 NO_ENCONTRADO',
    async (path) => {
      const gateway = gatewayWithData();
      const response = await request(gateway.app).get(path);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: expect.any(String), codigo: 'NO_ENCONTRADO' });
    },
  );

  it('answers an unknown POST route with 404, whatever its body', async () => {
    const gateway = gatewayWithData();
    const response = await unsignedPost(gateway.app, '/orden-desconocida', 'x', { contentType: 'text/plain' });
    expect(response.status).toBe(404);
  });

  describe('a known route with the wrong method is 405 METODO_NO_PERMITIDO with Allow', () => {
    const namedByBody = COMMANDS.filter((entry) => !idInPath(entry));
    it.each(namedByBody.flatMap((entry) => [[entry.route], [`/dev${entry.route}`]]))('GET %s: Allow POST', async (path) => {
      const gateway = gatewayWithData();
      const response = await request(gateway.app).get(path);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('POST');
      expect(response.body).toEqual({ error: expect.any(String), codigo: 'METODO_NO_PERMITIDO' });
    });

    it.each([
      ['post', '/obtener-inventario'],
      ['delete', '/productos/PRO001'],
      ['put', '/dev/productos/PRO001/movimientos'],
      ['post', '/orden-venta/c-1'],
      ['patch', '/health'],
      ['post', '/dev/openapi.json'],
    ] as const)('%s %s: Allow GET, HEAD', async (method, path) => {
      const gateway = gatewayWithData();
      const response = await request(gateway.app)[method](path);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
      expect(response.body.codigo).toBe('METODO_NO_PERMITIDO');
    });

    const namedByPath = COMMANDS.filter(idInPath).map((entry) => commandPath(entry, 'c-1'));
    it.each(namedByPath.flatMap((path) => [[path], [`/dev${path}`]]))('PUT %s (a step, its own estado_url): Allow POST, GET, HEAD', async (path) => {
      const gateway = gatewayWithData();
      const response = await request(gateway.app).put(path);
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('POST, GET, HEAD');
      expect(response.body.codigo).toBe('METODO_NO_PERMITIDO');
    });

    it('publishes nothing for a PUT to a command route', async () => {
      const gateway = gatewayWithData();
      const response = await request(gateway.app).put('/orden-venta').send(saleBody());
      expect(response.status).toBe(405);
      expect(gateway.publisher.published).toEqual([]);
    });
  });
});

describe('x-correlation-id', () => {
  it("echoes the request's own correlation id", async () => {
    const gateway = gatewayWithData();
    const id = 'Aa0-_.:'.padEnd(128, 'z');
    const response = await request(gateway.app).get('/health').set('x-correlation-id', id);
    expect(response.headers['x-correlation-id']).toBe(id);
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with a space', 'a b'],
    ['with a slash', 'a/b'],
    ['with a non-ASCII letter', 'añb'],
    ['empty', ''],
  ])('replaces one %s with a new uuid', async (_label, id) => {
    const gateway = gatewayWithData();
    const response = await request(gateway.app).get('/health').set('x-correlation-id', id);
    expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-correlation-id']).not.toBe(id);
  });

  it('makes one when the request sends none, different for each request', async () => {
    const gateway = gatewayWithData();
    const first = await request(gateway.app).get('/health');
    const second = await request(gateway.app).get('/health');
    expect(first.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers['x-correlation-id']).not.toBe(second.headers['x-correlation-id']);
  });

  it('is on every response: 202, 4xx, 404, 405, 413, 503', async () => {
    const gateway = gatewayWithData();
    const headers = { 'x-correlation-id': 'siempre' };
    const responses = [
      await signedPost(gateway.app, '/orden-venta', saleBody(), { headers }),
      await unsignedPost(gateway.app, '/orden-venta', 'x', { headers }),
      await unsignedPost(gateway.app, '/orden-venta', 'x'.repeat(70_000), { headers, contentType: 'text/plain' }),
      await request(gateway.app).get('/nada').set(headers),
      await request(gateway.app).delete('/health').set(headers),
    ];
    gateway.queries.failure = new Error('down');
    responses.push(await request(gateway.app).get('/ready').set(headers));
    expect(responses.map((r) => r.status)).toEqual([202, 401, 413, 404, 405, 503]);
    for (const response of responses) expect(response.headers['x-correlation-id']).toBe('siempre');
  });
});

describe('response headers', () => {
  it('sets security headers and hides the framework', async () => {
    const gateway = gatewayWithData();
    const response = await request(gateway.app).get('/health');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });
});

describe('errors never leak internals', () => {
  it('answers a bug with 500 ERROR_INTERNO and no detail', async () => {
    const gateway = gatewayWithData();
    // A store that breaks its own contract: the gateway fails on it, which is a bug, not a client error.
    gateway.queries.listProducts = async () => undefined as never;
    const response = await request(gateway.app).get('/obtener-inventario');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: expect.any(String), codigo: 'ERROR_INTERNO' });
  });

  it('never puts a stack trace in a response', async () => {
    const gateway = gatewayWithData();
    const responses = [
      await unsignedPost(gateway.app, '/orden-venta', '{', {}),
      await signedPost(gateway.app, '/orden-venta', '{'),
      await signedPost(gateway.app, '/orden-venta', { cantidad: 'x' }),
      await request(gateway.app).get('/productos/%E0%A4%A'),
      await request(gateway.app).get('/obtener-inventario?limit=0'),
      await request(gateway.app).get('/obtener-inventario?cursor=roto'),
    ];
    gateway.publisher.failure = new Error('publisher exploded');
    responses.push(await signedPost(gateway.app, '/orden-venta', saleBody()));
    gateway.queries.listProducts = async () => undefined as never;
    responses.push(await request(gateway.app).get('/obtener-inventario'));

    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.text).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|\.ts:\d+|stack/i);
      expect(response.text).not.toContain('publisher exploded');
      expect(Object.keys(response.body).sort()).toEqual(
        expect.arrayContaining(['codigo', 'error']),
      );
    }
  });

  it('answers a path that is not valid percent-encoding with 404, not 5xx', async () => {
    const gateway = gatewayWithData();
    const response = await request(gateway.app).get('/productos/%E0%A4%A');
    expect(response.status).toBe(404);
    expect(response.body.codigo).toBe('NO_ENCONTRADO');
  });
});

describe('logging', () => {
  it('writes one structured line per request: method, path, status, duration, correlation id, orden_id', async () => {
    const gateway = gatewayWithData();
    await signedPost(gateway.app, '/dev/orden-venta?x=1', saleBody({ orden_id: 'log-1' }), {
      headers: { 'x-correlation-id': 'corr-log' },
    });
    const requestLines = gateway.logs.filter((line) => line.message === 'Request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]?.attributes[0]).toEqual({
      method: 'POST',
      path: '/dev/orden-venta',
      status: 202,
      duration_ms: expect.any(Number),
      correlation_id: 'corr-log',
      orden_id: 'log-1',
    });
  });

  it('names the error code of a refused request', async () => {
    const gateway = gatewayWithData();
    await unsignedPost(gateway.app, '/orden-venta', JSON.stringify(saleBody()));
    expect(gateway.logs.at(-1)?.attributes[0]).toMatchObject({ status: 401, codigo: 'FIRMA_AUSENTE' });
  });

  it('never logs a body, a signature or a key', async () => {
    const gateway = gatewayWithData();
    const body = saleBody({ orden_id: 'log-2', nombre_secreto: 'cuerpo-que-no-se-loguea' });
    const accepted = await signedPost(gateway.app, '/orden-venta', body);
    const refused = await signedPost(gateway.app, '/orden-venta', { ...body, cantidad: -1 });
    gateway.publisher.failure = new Error('down');
    await signedPost(gateway.app, '/orden-venta', body);

    const logged = JSON.stringify(gateway.logs);
    expect(logged).not.toContain('cuerpo-que-no-se-loguea');
    for (const response of [accepted, refused]) {
      expect(logged).not.toContain(String(response.request.getHeader('X-Signature')).slice(-64));
    }
    expect(logged).not.toContain(KEY);
  });
});
