import request from 'supertest';
import { createTestGateway } from '../../test/support/gateway';

describe('GET /health', () => {
  it('answers 200 {"estado":"ok"} while the process is up, even when the store is down', async () => {
    const gateway = createTestGateway();
    gateway.queries.failure = new Error('down');
    const response = await request(gateway.app).get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ estado: 'ok' });
  });
});

describe('GET /ready', () => {
  it('answers 200 when the store answers', async () => {
    const gateway = createTestGateway();
    const response = await request(gateway.app).get('/dev/ready');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ estado: 'ok' });
  });

  it('answers 503 NO_DISPONIBLE with Retry-After when the store does not', async () => {
    const gateway = createTestGateway();
    gateway.queries.failure = new Error('DynamoDB unreachable');
    const response = await request(gateway.app).get('/ready');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.body).toEqual({ error: expect.any(String), codigo: 'NO_DISPONIBLE' });
  });
});
