import { LOCAL_DEFAULT_KEY, signLegacy, signTimestamped } from '@inventario/signature';
import { createTestGateway, KEY, NOW_SECONDS, saleBody, signedPost, unsignedPost } from '../../test/support/gateway';

describe('signing: every POST carries X-Signature', () => {
  it('accepts the timestamped form t=<unix seconds>,v1=<hex>', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { form: 'timestamped' });
    expect(response.status).toBe(202);
  });

  it("accepts the legacy form, the old clients' plain hex of HMAC-SHA256(key, body)", async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { form: 'legacy' });
    expect(response.status).toBe(202);
  });

  it('refuses the legacy form with 401 FIRMA_INVALIDA when legacy signatures are turned off', async () => {
    const gateway = createTestGateway({ allowLegacy: false });
    const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { form: 'legacy' });
    expect(response.status).toBe(401);
    expect(response.body.codigo).toBe('FIRMA_INVALIDA');
    expect(gateway.publisher.published).toEqual([]);
  });

  it('still accepts the timestamped form when legacy signatures are turned off', async () => {
    const gateway = createTestGateway({ allowLegacy: false });
    const response = await signedPost(gateway.app, '/orden-venta', saleBody());
    expect(response.status).toBe(202);
  });

  it('accepts several v1 values when one of them matches', async () => {
    const gateway = createTestGateway();
    const raw = JSON.stringify(saleBody());
    const good = signTimestamped(KEY, raw, NOW_SECONDS);
    const header = `t=${NOW_SECONDS},v1=${'0'.repeat(64)},${good.split(',')[1]}`;
    const response = await unsignedPost(gateway.app, '/orden-venta', raw, { headers: { 'X-Signature': header } });
    expect(response.status).toBe(202);
  });

  it.each([
    ['more than 300 s old', -301],
    ['more than 300 s ahead', 301],
  ])('refuses a right signature whose timestamp is %s with 401 FIRMA_EXPIRADA', async (_label, offset) => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { timestamp: NOW_SECONDS + offset });
    expect(response.status).toBe(401);
    expect(response.body.codigo).toBe('FIRMA_EXPIRADA');
    expect(gateway.intake.recorded).toEqual([]);
  });

  it.each([[-300], [300]])('accepts a timestamp exactly %i s away', async (offset) => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { timestamp: NOW_SECONDS + offset });
    expect(response.status).toBe(202);
  });

  it('refuses a missing X-Signature with 401 FIRMA_AUSENTE', async () => {
    const gateway = createTestGateway();
    const response = await unsignedPost(gateway.app, '/orden-venta', JSON.stringify(saleBody()));
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: expect.any(String), codigo: 'FIRMA_AUSENTE' });
  });

  it.each([['garbage'], ['t=abc,v1=00'], ['sha256=' + '0'.repeat(64)]])(
    'refuses the malformed X-Signature %j with 401 FIRMA_INVALIDA',
    async (header) => {
      const gateway = createTestGateway();
      const response = await unsignedPost(gateway.app, '/orden-venta', JSON.stringify(saleBody()), {
        headers: { 'X-Signature': header },
      });
      expect(response.status).toBe(401);
      expect(response.body.codigo).toBe('FIRMA_INVALIDA');
    },
  );

  it('refuses a signature made with another key, without echoing it', async () => {
    const gateway = createTestGateway();
    const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { key: 'not-the-key' });
    expect(response.status).toBe(401);
    expect(response.body.codigo).toBe('FIRMA_INVALIDA');
    const sent = String(response.request.getHeader('X-Signature'));
    expect(JSON.stringify(response.body)).not.toContain(sent.slice(-64));
  });

  describe('key rotation: SIGNATURE_SECRET may hold several keys', () => {
    const secret = 'new-key,old-key';

    it.each([['new-key'], ['old-key']])('accepts a body signed with %s', async (key) => {
      const gateway = createTestGateway({ secret });
      expect((await signedPost(gateway.app, '/orden-venta', saleBody(), { key })).status).toBe(202);
      expect((await signedPost(gateway.app, '/orden-venta', saleBody(), { key, form: 'legacy' })).status).toBe(202);
    });

    it('refuses a key outside the ring', async () => {
      const gateway = createTestGateway({ secret });
      const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { key: 'retired-key' });
      expect(response.status).toBe(401);
    });
  });

  it("verifies with the old system's key when no secret is set", async () => {
    const gateway = createTestGateway({ secret: '' });
    const response = await signedPost(gateway.app, '/orden-venta', saleBody(), { key: LOCAL_DEFAULT_KEY, form: 'legacy' });
    expect(response.status).toBe(202);
  });

  it('signs the exact bytes: a legacy signature of the body with one more space fails', async () => {
    const gateway = createTestGateway();
    const raw = JSON.stringify(saleBody());
    const response = await unsignedPost(gateway.app, '/orden-venta', `${raw} `, {
      headers: { 'X-Signature': signLegacy(KEY, raw) },
    });
    expect(response.status).toBe(401);
  });
});
