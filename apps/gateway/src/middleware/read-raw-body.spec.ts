import { signTimestamped } from '@inventario/signature';
import { saleBodyOfSize } from '../../test/support/bodies';
import { createTestGateway, KEY, NOW_SECONDS } from '../../test/support/gateway';
import { rawPost } from '../../test/support/raw-http';

/** Splits bytes into chunks of `size`. */
function chunksOf(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return chunks;
}

describe('reading a command body', () => {
  it('counts the bytes of a chunked body and refuses it with 413 once over 64 KiB', async () => {
    const gateway = createTestGateway();
    const body = saleBodyOfSize(200_000);
    const response = await rawPost(gateway.app, '/orden-venta', {
      headers: { 'Content-Type': 'text/plain', 'x-correlation-id': 'grande-chunked' },
      chunks: chunksOf(body, 8192),
    });
    expect(response.status).toBe(413);
    expect(response.body.codigo).toBe('CUERPO_DEMASIADO_GRANDE');
    expect(response.headers['x-correlation-id']).toBe('grande-chunked');
    expect(gateway.publisher.published).toEqual([]);
  });

  it('refuses a chunked body of 65537 bytes and accepts one of 65536', async () => {
    const gateway = createTestGateway();
    const post = (body: Buffer) =>
      rawPost(gateway.app, '/orden-venta', {
        headers: { 'Content-Type': 'application/json', 'X-Signature': signTimestamped(KEY, body, NOW_SECONDS) },
        chunks: chunksOf(body, 1000),
      });
    const over = await post(saleBodyOfSize(65_537, 'chunked-over'));
    const exact = await post(saleBodyOfSize(65_536, 'chunked-exact'));
    expect(over.status).toBe(413);
    expect(exact.status).toBe(202);
    expect(gateway.publisher.published.map((p) => p.envelope.orden_id)).toEqual(['chunked-exact']);
  });

  it('refuses a declared Content-Length over 64 KiB before any of the body arrives', async () => {
    const gateway = createTestGateway();
    const response = await rawPost(gateway.app, '/orden-venta', {
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(50 * 1024 * 1024) },
      endBody: false,
    });
    expect(response.status).toBe(413);
    expect(response.body.codigo).toBe('CUERPO_DEMASIADO_GRANDE');
  });

  it('refuses a declared oversized body the client sends anyway, with 413', async () => {
    const gateway = createTestGateway();
    const body = saleBodyOfSize(100_000);
    const response = await rawPost(gateway.app, '/orden-venta', {
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
      chunks: [body],
    });
    expect(response.status).toBe(413);
  });
});
