import request from 'supertest';
import { createTestGateway, NOW, saleBody, signedPost } from '../../test/support/gateway';

describe('the per-client rate limit (RATE_LIMIT_PER_MINUTE)', () => {
  it("answers 429 DEMASIADAS_SOLICITUDES with Retry-After in the contract's error shape, once the client used its minute", async () => {
    const gateway = createTestGateway({ rateLimitPerMinute: 2 });
    expect((await request(gateway.app).get('/health')).status).toBe(200);
    expect((await signedPost(gateway.app, '/orden-venta', saleBody())).status).toBe(202);

    const refused = await signedPost(gateway.app, '/orden-venta', saleBody({ orden_id: 'venta-429' }), {
      headers: { 'x-correlation-id': 'corr-429' },
    });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: expect.any(String), codigo: 'DEMASIADAS_SOLICITUDES' });
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.headers['x-correlation-id']).toBe('corr-429');
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    expect(gateway.publisher.published).toHaveLength(1);
  });

  it('lets the client in again once its bucket refilled', async () => {
    let now = NOW;
    const gateway = createTestGateway({ rateLimitPerMinute: 60, now: () => now });
    for (let i = 0; i < 60; i += 1) await request(gateway.app).get('/health');
    expect((await request(gateway.app).get('/health')).status).toBe(429);
    now = new Date(NOW.getTime() + 1_000);
    expect((await request(gateway.app).get('/health')).status).toBe(200);
  });

  it('logs the refusal like any other answer, with its code and correlation id', async () => {
    const gateway = createTestGateway({ rateLimitPerMinute: 1 });
    await request(gateway.app).get('/health');
    await request(gateway.app).get('/obtener-inventario').set('x-correlation-id', 'corr-limit');
    expect(gateway.logs.at(-1)).toMatchObject({
      message: 'Request',
      attributes: [{ status: 429, codigo: 'DEMASIADAS_SOLICITUDES', correlation_id: 'corr-limit' }],
    });
  });

  it('is off with 0, the default of createGatewayApp (the Lambda relies on API Gateway throttling)', async () => {
    for (const gateway of [createTestGateway({ rateLimitPerMinute: 0 }), createTestGateway()]) {
      const statuses = await Promise.all(Array.from({ length: 50 }, () => request(gateway.app).get('/health').then((r) => r.status)));
      expect(new Set(statuses)).toEqual(new Set([200]));
    }
  });

  it('refuses a limit that is not a whole number >= 0 at start', () => {
    expect(() => createTestGateway({ rateLimitPerMinute: -5 })).toThrow(/rateLimitPerMinute/);
  });
});
