import type { Request, Response } from 'express';
import request from 'supertest';
import { createTestGateway, NOW, saleBody, signedPost } from '../../test/support/gateway';
import { HttpError } from '../http-errors';
import { rateLimit } from './rate-limit';

/** Runs the middleware for a request from `ip`; true when it let the request through. */
function passes(limit: ReturnType<typeof rateLimit>, ip: string): boolean {
  let passed = false;
  const req = { ip, socket: { remoteAddress: ip } } as unknown as Request;
  void limit(req, {} as Response, (error?: unknown) => {
    if (error !== undefined && !(error instanceof HttpError)) throw error;
    passed = error === undefined;
  });
  return passed;
}

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

  it('counts every address of one IPv6 /64 as one client, and an IPv4-mapped address as its IPv4 one', () => {
    const limit = rateLimit({ perMinute: 1, now: () => NOW });
    expect(passes(limit, '2001:db8:1:2::1')).toBe(true);
    expect(passes(limit, '2001:db8:1:2:dead:beef:0:7')).toBe(false);
    expect(passes(limit, '2001:db8:1:3::1')).toBe(true);
    expect(passes(limit, '203.0.113.7')).toBe(true);
    expect(passes(limit, '::ffff:203.0.113.7')).toBe(false);
  });

  it('keeps at most maxClients buckets: a flood of addresses cannot grow the gateway memory', () => {
    const limit = rateLimit({ perMinute: 1, now: () => NOW, maxClients: 2 });
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) expect(passes(limit, ip)).toBe(true);
    // The first was forgotten, least recently used, and comes back to a full bucket; the last was kept.
    expect(passes(limit, '198.51.100.1')).toBe(true);
    expect(passes(limit, '198.51.100.3')).toBe(false);
  });

  it('refuses a limit that is not a whole number >= 0 at start', () => {
    expect(() => createTestGateway({ rateLimitPerMinute: -5 })).toThrow(/rateLimitPerMinute/);
  });
});
