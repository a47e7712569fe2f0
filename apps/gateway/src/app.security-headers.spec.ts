import request from 'supertest';
import { createTestGateway, saleBody, signedPost, unsignedPost } from '../test/support/gateway';

/** What helmet sets, as the gateway configures it (no CSP: it serves only JSON). */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
};

describe('security headers', () => {
  it('are on every answer: 202, 200, 400, 401, 404, 405, 413, 415, 429 and 503, with the framework hidden', async () => {
    const gateway = createTestGateway({ rateLimitPerMinute: 10 });
    const responses = [
      await signedPost(gateway.app, '/orden-venta', saleBody()),
      await request(gateway.app).get('/health'),
      await signedPost(gateway.app, '/orden-venta', '{'),
      await unsignedPost(gateway.app, '/orden-venta', '{}'),
      await request(gateway.app).get('/nada'),
      await request(gateway.app).delete('/orden-venta'),
      await unsignedPost(gateway.app, '/orden-venta', 'x'.repeat(70_000)),
      await unsignedPost(gateway.app, '/orden-venta', '{}', { contentType: 'text/plain' }),
    ];
    gateway.publisher.failure = new Error('down');
    responses.push(await signedPost(gateway.app, '/orden-venta', saleBody()));
    while (responses.at(-1)?.status !== 429) responses.push(await request(gateway.app).get('/health'));

    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([202, 200, 400, 401, 404, 405, 413, 415, 503, 429]));
    for (const response of responses) {
      expect(response.headers).toMatchObject(SECURITY_HEADERS);
      expect(response.headers['x-powered-by']).toBeUndefined();
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('leave out a Content-Security-Policy on purpose: no answer is HTML', async () => {
    const gateway = createTestGateway();
    const response = await request(gateway.app).get('/openapi.json');
    expect(response.headers['content-security-policy']).toBeUndefined();
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });
});
