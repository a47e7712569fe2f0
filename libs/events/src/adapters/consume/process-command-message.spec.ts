import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoInventoryStore } from '@inventario/inventory-core';
import { KeyRing, signTimestamped } from '@inventario/signature';
import { sqsRecord } from '@inventario/local-stack';
import { commandEntry, OUTCOME_TOPIC } from '../../contract/catalogue';
import type { CommandEnvelope } from '../../contract/envelope';
import { SnsOutcomePublisher } from '../publish/sns-outcome-publisher';
import { loadRuntimeConfig } from '../../runtime/runtime-config';
import { processCommandMessage, type CommandConsumerDeps } from './process-command-message';
import { QUARANTINE_ATTRIBUTE, SqsDeadLetterQuarantine } from './quarantine';
import { createSqsBatchHandler } from './sqs-batch-handler';

const KEY = 'events-test-key';
const config = loadRuntimeConfig(process.env);
const sqs = new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false });
const sns = new SNSClient({ region: config.region });
const store = new DynamoInventoryStore({ client: new DynamoDBClient({ region: config.region }), tables: config.tables });
const entry = commandEntry('OrdenCompra');
let deps: CommandConsumerDeps;
let outcomeQueueUrl: string;

beforeAll(async () => {
  const created = await sqs.send(new CreateQueueCommand({ QueueName: `events-spec-outcomes-${Date.now()}` }));
  outcomeQueueUrl = created.QueueUrl ?? '';
  const arn = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: outcomeQueueUrl, AttributeNames: ['QueueArn'] }));
  await sns.send(
    new SubscribeCommand({
      TopicArn: config.topicArns[OUTCOME_TOPIC],
      Protocol: 'sqs',
      Endpoint: arn.Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: 'true' },
    }),
  );
  deps = {
    entry,
    applier: store,
    keyRing: KeyRing.fromSecret(KEY),
    outcomes: new SnsOutcomePublisher({ client: sns, topicArn: config.topicArns[OUTCOME_TOPIC] ?? '' }),
    quarantine: new SqsDeadLetterQuarantine({ client: sqs, deadLetterQueueUrl: config.queueUrls[entry.deadLetterQueue] ?? '' }),
    logger: new Logger({ serviceName: 'events-spec', logLevel: 'SILENT' }),
    stockMinimo: 5,
  };
});

afterAll(() => {
  sqs.destroy();
  sns.destroy();
});

function productId(): string {
  return `PRO${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
}

function envelope(body: Record<string, unknown> | string, overrides: Partial<CommandEnvelope> = {}): CommandEnvelope {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    id: randomUUID(),
    tipo: 'OrdenCompra',
    ocurrido: new Date().toISOString(),
    correlation_id: randomUUID(),
    orden_id: typeof body === 'string' ? 'x' : String(body.orden_id ?? randomUUID()),
    cuerpo: Buffer.from(raw).toString('base64'),
    firma: signTimestamped(KEY, raw, 1_000_000_000),
    ...overrides,
  };
}

async function outcomeEventsFor(ordenId: string, count: number): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  const deadline = Date.now() + 15_000;
  while (found.length < count && Date.now() < deadline) {
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: outcomeQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    for (const message of received.Messages ?? []) {
      const event = JSON.parse(message.Body ?? '{}') as Record<string, unknown>;
      if (event.orden_id === ordenId) found.push(event);
    }
  }
  return found;
}

async function deadLettered(marker: string): Promise<Record<string, string | undefined> | undefined> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: config.queueUrls[entry.deadLetterQueue],
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
        VisibilityTimeout: 0,
      }),
    );
    const message = (received.Messages ?? []).find((m) => m.Body?.includes(marker));
    if (message) {
      return Object.fromEntries(Object.entries(message.MessageAttributes ?? {}).map(([k, v]) => [k, v.StringValue]));
    }
  }
  return undefined;
}

describe('a command message', () => {
  it('applies a signed purchase and publishes StockActualizado with the correlation id', async () => {
    const producto = productId();
    const message = envelope({ orden_id: randomUUID(), producto_id: producto, cantidad: 4, nombre: 'Lápiz', precio: 2.5 });
    await expect(processCommandMessage(sqsRecord(JSON.stringify(message)), deps)).resolves.toBe('APLICADA');
    expect(await store.getProduct(producto)).toEqual({ producto_id: producto, nombre: 'Lápiz', stock: 4, precio: 2.5, estado: true });
    const events = await outcomeEventsFor(message.orden_id, 1);
    expect(events.map((e) => e.tipo)).toEqual(['StockActualizado']);
    expect(events[0]?.correlation_id).toBe(message.correlation_id);
  });

  it('is applied once when delivered again, and its outcome is published again', async () => {
    const producto = productId();
    const body = JSON.stringify(envelope({ orden_id: randomUUID(), producto_id: producto, cantidad: 10, nombre: 'Goma', precio: 1 }));
    await expect(processCommandMessage(sqsRecord(body), deps)).resolves.toBe('APLICADA');
    await expect(processCommandMessage(sqsRecord(body), deps)).resolves.toBe('YA_PROCESADA');
    expect((await store.getProduct(producto))?.stock).toBe(10);
    expect((await outcomeEventsFor(JSON.parse(body).orden_id, 2)).map((e) => e.tipo)).toEqual(['StockActualizado', 'StockActualizado']);
  });

  it('takes its id from the envelope when the signed body has none', async () => {
    const producto = productId();
    const ordenId = `idem-${randomUUID()}`;
    const message = envelope({ producto_id: producto, cantidad: 1, nombre: 'Sin id', precio: 0 }, { orden_id: ordenId });
    await processCommandMessage(sqsRecord(JSON.stringify(message)), deps);
    expect((await store.getCommand('OrdenCompra', ordenId))?.estado).toBe('APLICADA');
  });

  it.each([
    ['a bad signature', (m: CommandEnvelope) => ({ ...m, firma: signTimestamped('wrong-key', 'x') }), 'FIRMA_INVALIDA'],
    ['a body changed after signing', (m: CommandEnvelope) => ({ ...m, cuerpo: Buffer.from(Buffer.from(m.cuerpo, 'base64').toString().replace('"cantidad":3', '"cantidad":300')).toString('base64') }), 'FIRMA_INVALIDA'],
    ['an orden_id that differs from the signed body', (m: CommandEnvelope) => ({ ...m, orden_id: 'otra-orden' }), 'MENSAJE_INVALIDO'],
    ['another command type', (m: CommandEnvelope) => ({ ...m, tipo: 'OrdenVenta' as const }), 'MENSAJE_INVALIDO'],
  ])('with %s is never applied nor recorded, and is kept in the dead-letter queue', async (_, tamper, reason) => {
    const producto = productId();
    const message = tamper(envelope({ orden_id: randomUUID(), producto_id: producto, cantidad: 3, nombre: 'X', precio: 1 }));
    await expect(processCommandMessage(sqsRecord(JSON.stringify(message)), deps)).resolves.toBe('CUARENTENA');
    expect(await store.getProduct(producto)).toBeUndefined();
    expect(await store.getCommand('OrdenCompra', message.orden_id)).toBeUndefined();
    expect((await deadLettered(message.id))?.[QUARANTINE_ATTRIBUTE]).toBe(reason);
  });

  it.each([
    ['not JSON', 'not json {'],
    ['JSON without an envelope', '{"hello":"world"}'],
    ['a signed body that breaks the rules', JSON.stringify(envelope({ orden_id: 'bad-body', producto_id: 'X', cantidad: -1 }))],
  ])('that is %s is kept in the dead-letter queue', async (_, body) => {
    await expect(processCommandMessage(sqsRecord(body), deps)).resolves.toBe('CUARENTENA');
    expect((await deadLettered(body))?.[QUARANTINE_ATTRIBUTE]).toBe('MENSAJE_INVALIDO');
  });
});

describe('the SQS batch handler', () => {
  it('reports only the records that failed transiently, so only they are redelivered', async () => {
    const unreachable = new DynamoInventoryStore({
      client: new DynamoDBClient({ region: config.region, endpoint: 'http://127.0.0.1:9', maxAttempts: 1 }),
      tables: config.tables,
    });
    const good = sqsRecord(JSON.stringify(envelope({ orden_id: randomUUID(), producto_id: productId(), cantidad: 1, nombre: 'A', precio: 1 })));
    const failing = sqsRecord(JSON.stringify(envelope({ orden_id: randomUUID(), producto_id: productId(), cantidad: 1, nombre: 'B', precio: 1 })));
    const handler = createSqsBatchHandler((r) => processCommandMessage(r, r === failing ? { ...deps, applier: unreachable } : deps));
    const response = await handler({ Records: [good, failing] });
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: failing.messageId }]);
  });
});
