import { signTimestamped } from '@inventario/signature';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createTestGateway, KEY, NOW_SECONDS, saleBody } from '../test/support/gateway';
import { toLambdaHandler } from './lambda-adapter';

function httpApiEvent(method: string, rawPath: string, options: { body?: Buffer; base64?: boolean; headers?: Record<string, string> } = {}): APIGatewayProxyEventV2 {
  const base64 = options.base64 ?? false;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    headers: { host: 'api.example.com', ...options.headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.1', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '01/Jun/2025:12:00:00 +0000',
      timeEpoch: NOW_SECONDS * 1000,
    },
    isBase64Encoded: base64,
    ...(options.body && { body: options.body.toString(base64 ? 'base64' : 'utf8') }),
  };
}

const context = {} as Context;

describe('the Lambda handler (API Gateway HTTP API, payload v2)', () => {
  it('accepts a signed command whose body arrives base64-encoded, verifying the original bytes', async () => {
    const gateway = createTestGateway();
    const handler = toLambdaHandler(gateway.app);
    const raw = Buffer.from(JSON.stringify(saleBody({ orden_id: 'lambda-1', nota: 'café ☕' })));
    const result = (await handler(
      httpApiEvent('POST', '/dev/orden-venta', {
        body: raw,
        base64: true,
        headers: { 'content-type': 'application/json', 'x-signature': signTimestamped(KEY, raw, NOW_SECONDS), 'x-correlation-id': 'lambda-corr' },
      }),
      context,
    )) as APIGatewayProxyStructuredResultV2;

    expect(result.statusCode).toBe(202);
    expect(result.headers?.location).toBe('/orden-venta/lambda-1');
    expect(result.headers?.['x-correlation-id']).toBe('lambda-corr');
    expect(JSON.parse(result.body ?? '{}')).toMatchObject({ orden_id: 'lambda-1', estado_url: '/orden-venta/lambda-1' });
    expect(gateway.publisher.published[0]?.envelope.cuerpo).toBe(raw.toString('base64'));
  });

  it('accepts a signed command whose body arrives as text', async () => {
    const gateway = createTestGateway();
    const handler = toLambdaHandler(gateway.app);
    const raw = Buffer.from(JSON.stringify(saleBody({ orden_id: 'lambda-2' })));
    const result = (await handler(
      httpApiEvent('POST', '/orden-venta', { body: raw, headers: { 'x-signature': signTimestamped(KEY, raw, NOW_SECONDS) } }),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(202);
  });

  it('refuses an oversized body with 413', async () => {
    const gateway = createTestGateway();
    const handler = toLambdaHandler(gateway.app);
    const result = (await handler(
      httpApiEvent('POST', '/orden-venta', { body: Buffer.alloc(70_000, 'x'), base64: true, headers: { 'content-type': 'text/plain' } }),
      context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(413);
    expect(JSON.parse(result.body ?? '{}').codigo).toBe('CUERPO_DEMASIADO_GRANDE');
  });

  it('refuses an unsigned command without a body with 401', async () => {
    const gateway = createTestGateway();
    const handler = toLambdaHandler(gateway.app);
    const result = (await handler(httpApiEvent('POST', '/orden-venta'), context)) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body ?? '{}').codigo).toBe('FIRMA_AUSENTE');
  });

  it('answers reads', async () => {
    const gateway = createTestGateway();
    const handler = toLambdaHandler(gateway.app);
    const result = (await handler(httpApiEvent('GET', '/dev/health'), context)) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '{}')).toEqual({ estado: 'ok' });
  });
});
