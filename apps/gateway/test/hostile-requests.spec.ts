import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Logger } from '@aws-lambda-powertools/logger';
import { COMMANDS, commandEnvelopeSchema, loadRuntimeConfig, SnsCommandPublisher, type CommandEnvelope } from '@inventario/events';
import { DynamoInventoryStore, type CommandType } from '@inventario/inventory-core';
import { METRIC_NAMES, RecordingCommandMetrics } from '@inventario/observability';
import { KeyRing } from '@inventario/signature';
import fc from 'fast-check';
import request from 'supertest';
import { createGatewayApp } from '../src/app';
import { isAcceptableCorrelationId } from '../src/middleware/correlation-id';
import { estadoUrl } from '../src/routes/paths';
import { CountingIntake, CountingPublisher } from './support/counting';
import { expectedAnswers, KEYS, makeRequest, requestSpec, type MadeRequest, type RequestSpec } from './support/hostile-requests';

/** Fixed, so a failure reproduces; FC_SEED runs another sequence. */
const SEED = Number(process.env.FC_SEED ?? 2_025_0601);
const RUNS = 2_000;
const RUN_ID = `h${Date.now().toString(36)}`;

const ERROR_ROWS: Record<number, string[]> = {
  400: ['JSON_INVALIDO', 'VALIDACION'],
  401: ['FIRMA_AUSENTE', 'FIRMA_INVALIDA', 'FIRMA_EXPIRADA'],
  404: ['NO_ENCONTRADO'],
  405: ['METODO_NO_PERMITIDO'],
  413: ['CUERPO_DEMASIADO_GRANDE'],
  415: ['TIPO_NO_SOPORTADO'],
  429: ['DEMASIADAS_SOLICITUDES'],
};

const config = loadRuntimeConfig(process.env);
const sqs = new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false });
const sns = new SNSClient({ region: config.region });
const store = new DynamoInventoryStore({ client: new DynamoDBClient({ region: config.region }), tables: config.tables });
const publisher = new CountingPublisher(new SnsCommandPublisher({ client: sns, topicArns: config.topicArns }));
const intake = new CountingIntake(store);
const metrics = new RecordingCommandMetrics();
const logger = new Logger({ serviceName: 'gateway-hostile', logLevel: 'SILENT' });
const logged: string[] = [];
let server: Server;
let baseUrl: string;
let generated = 0;
const now = new Date();
const nowSeconds = Math.floor(now.getTime() / 1000);

beforeAll(async () => {
  for (const level of ['debug', 'info', 'warn', 'error'] as const) {
    jest.spyOn(logger, level).mockImplementation((message: unknown, ...attributes: unknown[]) => {
      logged.push(JSON.stringify([level, message, ...attributes]));
    });
  }
  const app = createGatewayApp({
    keyRing: KeyRing.fromSecret(KEYS.join(',')),
    allowLegacy: true,
    stage: 'dev',
    publisher,
    intake,
    queries: store,
    logger,
    metrics,
    now: () => now,
    newId: () => `${RUN_ID}-gen-${(generated += 1)}`,
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  sqs.destroy();
  sns.destroy();
});

function send(spec: RequestSpec, made: MadeRequest) {
  const method = spec.method.toLowerCase() as 'post' | 'get' | 'put' | 'delete' | 'patch';
  let call = request(baseUrl)[method](made.path);
  for (const [name, value] of Object.entries(made.headers)) call = call.set(name, value);
  if (spec.method === 'GET') return call;
  // Bytes go out exactly as made: superagent would otherwise re-serialize them.
  return call.serialize((data: unknown) => data as string).send(made.raw);
}

/** Receives and deletes everything in a queue, until it stays empty. */
async function drain(queueUrl: string): Promise<string[]> {
  const bodies: string[] = [];
  for (let empty = 0; empty < 2; ) {
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 60 }));
    const batch = received.Messages ?? [];
    if (batch.length === 0) {
      empty += 1;
      continue;
    }
    empty = 0;
    bodies.push(...batch.map((message) => message.Body ?? ''));
    await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: batch.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) }));
  }
  return bodies;
}

describe('the gateway under generated and mutated requests', () => {
  it(
    `never answers 5xx, never crashes, never changes state for an invalid request, and always answers a row of the contract (${RUNS} requests, seed ${SEED})`,
    async () => {
      console.info(`fast-check seed ${SEED} (set FC_SEED to run another sequence)`);
      const accepted: { tipo: CommandType; ordenId: string; correlationId: string }[] = [];
      const refused: { tipo: CommandType; ordenId: string | undefined; correlationId: string }[] = [];
      const digests = new Set<string>();
      const statuses = new Map<string, number>();
      let sequence = 0;

      await fc.assert(
        fc.asyncProperty(requestSpec, async (spec) => {
          sequence += 1;
          const made = makeRequest(spec, `${RUN_ID}-${sequence}`, Number(`${Date.now() % 1e6}${sequence}`), nowSeconds);
          for (const digest of made.digests) digests.add(digest);
          const before = { intake: intake.calls, publisher: publisher.calls };

          const response = await send(spec, made);

          const answer = response.status === 202 ? '202' : `${response.status} ${response.body?.codigo}`;
          statuses.set(answer, (statuses.get(answer) ?? 0) + 1);
          const expected = expectedAnswers(spec, made).answers;
          expect({ answer, expected: expected.includes(answer) }).toEqual({ answer, expected: true });
          expect(response.headers['content-type']).toMatch(/^application\/json/);

          const correlationId = String(response.headers['x-correlation-id']);
          // HTTP drops the whitespace around a header value before the gateway sees it.
          const sentCorrelation = made.headers['x-correlation-id']?.trim();
          expect(correlationId).toEqual(isAcceptableCorrelationId(sentCorrelation) ? sentCorrelation : expect.stringMatching(`^${RUN_ID}-gen-`));

          if (response.status === 202) {
            expect(Object.keys(response.body).sort()).toEqual(['estado_url', 'mensaje', 'orden_id', 'sns_message_id']);
            expect(response.body.estado_url).toBe(estadoUrl(spec.entry, response.body.orden_id));
            expect(response.headers.location).toBe(response.body.estado_url);
            expect({ intake: intake.calls, publisher: publisher.calls }).toEqual({ intake: before.intake + 1, publisher: before.publisher + 1 });
            accepted.push({ tipo: spec.entry.type, ordenId: response.body.orden_id, correlationId });
          } else {
            expect(ERROR_ROWS[response.status]).toContain(response.body.codigo);
            expect(typeof response.body.error).toBe('string');
            expect(Object.keys(response.body).every((key) => ['error', 'codigo', 'detalles'].includes(key))).toBe(true);
            for (const detalle of response.body.detalles ?? []) expect(detalle).toEqual({ campo: expect.any(String), mensaje: expect.any(String) });
            expect({ intake: intake.calls, publisher: publisher.calls }).toEqual(before);
            refused.push({ tipo: spec.entry.type, ordenId: made.ordenId, correlationId });
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );

      console.info(`${sequence} requests: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
      expect(sequence).toBeGreaterThanOrEqual(RUNS);
      expect(accepted.length).toBeGreaterThan(RUNS / 10);
      expect(refused.length).toBeGreaterThan(RUNS / 2);
      expect((await request(baseUrl).get('/health')).status).toBe(200);
      expect(metrics.count(METRIC_NAMES.commandAccepted)).toBe(accepted.length);

      // What reached SNS (and the queues subscribed to it) is exactly what was accepted.
      const acceptedCorrelations = new Set(accepted.map((a) => a.correlationId));
      const refusedCorrelations = new Set(refused.map((r) => r.correlationId));
      const published: CommandEnvelope[] = [];
      const isOurs = (e: CommandEnvelope) => acceptedCorrelations.has(e.correlation_id) || refusedCorrelations.has(e.correlation_id);
      // SNS delivers to the queues on its own time: read until every accepted command has arrived.
      const deadline = Date.now() + 15_000;
      do {
        for (const entry of COMMANDS) {
          for (const body of await drain(config.queueUrls[entry.queue] ?? '')) {
            const envelope = commandEnvelopeSchema.safeParse(JSON.parse(body));
            if (envelope.success) published.push(envelope.data);
          }
        }
      } while (published.filter(isOurs).length < accepted.length && Date.now() < deadline);
      const ours = published.filter(isOurs);
      expect(ours.filter((e) => refusedCorrelations.has(e.correlation_id) && !acceptedCorrelations.has(e.correlation_id))).toEqual([]);
      const key = (tipo: string, ordenId: string, correlationId: string) => `${tipo} ${ordenId} ${correlationId}`;
      expect(ours.map((e) => key(e.tipo, e.orden_id, e.correlation_id)).sort()).toEqual(accepted.map((a) => key(a.tipo, a.ordenId, a.correlationId)).sort());

      // No refused request left a command record under the id it named.
      const acceptedIds = new Set(accepted.map((a) => `${a.tipo} ${a.ordenId}`));
      const named = refused.filter((r) => r.ordenId !== undefined && !acceptedIds.has(`${r.tipo} ${r.ordenId}`));
      for (let start = 0; start < named.length; start += 25) {
        const records = await Promise.all(named.slice(start, start + 25).map((r) => store.getCommand(r.tipo, r.ordenId ?? '')));
        expect(records.filter((record) => record !== undefined)).toEqual([]);
      }

      // No log line holds a key, a signature or a body.
      for (const line of logged) expect(line.length).toBeLessThan(1_000);
      const allLogs = logged.join('\n');
      for (const secret of [...KEYS, ...digests]) expect(allLogs.includes(secret)).toBe(false);
    },
    180_000,
  );
});
