import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { Logger } from '@aws-lambda-powertools/logger';
import { loadRuntimeConfig, SnsCommandPublisher } from '@inventario/events';
import { DynamoInventoryStore } from '@inventario/inventory-core';
import { KeyRing, signRequest } from '@inventario/signature';
import request from 'supertest';
import { createGatewayApp } from '../src/app';

const KEY = 'unpublished-key';
const config = loadRuntimeConfig(process.env);
const sns = new SNSClient({ region: config.region });
const dynamo = new DynamoDBClient({ region: config.region });
const store = new DynamoInventoryStore({ client: dynamo, tables: config.tables });

afterAll(() => [sns, dynamo].forEach((client) => client.destroy()));

/** The gateway over the real store and the real SNS emulator; `topicArns` says where it publishes. */
function gatewayPublishingTo(topicArns: Record<string, string>) {
  return createGatewayApp({
    keyRing: KeyRing.fromSecret(KEY),
    allowLegacy: true,
    stage: 'dev',
    publisher: new SnsCommandPublisher({ client: sns, topicArns }),
    intake: store,
    queries: store,
    logger: new Logger({ serviceName: 'unpublished', logLevel: 'SILENT' }),
  });
}

function post(app: ReturnType<typeof createGatewayApp>, ordenId: string) {
  const body = JSON.stringify({ orden_id: ordenId, producto_id: 'PRO001', cantidad: 1 });
  return request(app)
    .post('/orden-venta')
    .set('Content-Type', 'application/json')
    .set('X-Signature', signRequest(KEY, { method: 'POST', path: '/orden-venta' }, body))
    .send(body);
}

describe('a command whose publish fails after its record was written', () => {
  it('answers 503 and leaves no PENDIENTE behind: estado_url answers 404, and a retry is accepted and recorded', async () => {
    const missingTopic = Object.fromEntries(Object.entries(config.topicArns).map(([name, arn]) => [name, `${arn}-que-no-existe`]));
    const ordenId = `sin-publicar-${Date.now()}`;

    const refused = await post(gatewayPublishingTo(missingTopic), ordenId);

    expect(refused.status).toBe(503);
    expect(refused.body.codigo).toBe('NO_DISPONIBLE');
    const healthy = gatewayPublishingTo(config.topicArns);
    expect((await request(healthy).get(`/orden-venta/${ordenId}`)).status).toBe(404);

    const retry = await post(healthy, ordenId);
    expect(retry.status).toBe(202);
    expect((await request(healthy).get(retry.body.estado_url)).body.estado).toBe('PENDIENTE');
  });
});
