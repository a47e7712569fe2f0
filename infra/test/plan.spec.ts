import { COMMANDS, idInPath, MAX_RECEIVE_COUNT, OUTCOME_TOPIC, QUEUE_RETENTION_SECONDS, SWEEPER_APP } from '@inventario/events';
import { DUE_INDEX } from '@inventario/inventory-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_STAGE_LIMITS,
  planInfrastructure,
  POWERTOOLS_VERSION,
  queuePolicyDocument,
  SERVICES,
  STAGE_LIMITS,
  VISIBILITY_TIMEOUT_FACTOR,
  type StageLimits,
} from '../src';

const plan = planInfrastructure('production');

describe('the infrastructure plan, derived from the catalogue', () => {
  it('has one consumer per command, each with its topic, queue, dead-letter queue and route', () => {
    expect(plan.consumers.map((consumer) => consumer.commandType)).toEqual(COMMANDS.map((entry) => entry.type));
    for (const entry of COMMANDS) {
      const consumer = plan.consumers.find((candidate) => candidate.commandType === entry.type)!;
      expect(consumer.service).toBe(entry.app);
      expect(consumer.topic).toBe(entry.topic);
      expect(consumer.queue.queue).toBe(entry.queue);
      expect(consumer.deadLetterQueue.queue).toBe(entry.deadLetterQueue);
      expect(consumer.maxReceiveCount).toBe(MAX_RECEIVE_COUNT);
      expect(plan.gateway.routes).toContainEqual({ method: 'POST', path: entry.route, commandType: entry.type });
    }
  });

  it('gives every queue a visibility timeout of at least six times its function timeout', () => {
    for (const consumer of plan.consumers) {
      expect(consumer.queue.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(VISIBILITY_TIMEOUT_FACTOR * consumer.subscriber.function.timeoutSeconds);
    }
  });

  it('takes the Powertools layer of the version the bundles were built and tested against', () => {
    const installed = (name: string) =>
      (JSON.parse(readFileSync(path.resolve(__dirname, '../../node_modules/@aws-lambda-powertools', name, 'package.json'), 'utf8')) as { version: string }).version;
    for (const name of ['logger', 'metrics', 'tracer']) expect(installed(name)).toBe(POWERTOOLS_VERSION);
  });

  it('names every resource under the stage, so stages never share one', () => {
    const staging = planInfrastructure('staging');
    const names = (p: typeof plan) => [...p.platform.tables.map((t) => t.name), ...p.platform.topics.map((t) => t.name), ...p.consumers.map((c) => c.queue.name)];
    expect(names(plan).every((name) => name.startsWith('inventario-production-'))).toBe(true);
    expect(names(staging).every((name) => name.startsWith('inventario-staging-'))).toBe(true);
  });

  it('has the command topics and the outcome topic on the platform, and a deployable app per service', () => {
    expect(plan.platform.topics.map((topic) => topic.topic)).toEqual([...COMMANDS.map((entry) => entry.topic), OUTCOME_TOPIC]);
    expect(SERVICES).toEqual(['platform', 'consultar-inventario', ...COMMANDS.map((entry) => entry.app), SWEEPER_APP, 'gateway']);
  });

  it('has the reservations table with its due index, from the table definitions', () => {
    const reservations = plan.platform.tables.find((table) => table.role === 'reservations');
    expect(reservations).toMatchObject({ name: 'inventario-production-reservas_t', partitionKey: { name: 'orden_id', type: 'S' } });
    expect(reservations?.indexes).toEqual([{ name: DUE_INDEX.name, partitionKey: DUE_INDEX.partitionKey, sortKey: DUE_INDEX.sortKey, projection: 'all' }]);
    expect(plan.platform.tables.filter((table) => table.role !== 'reservations').every((table) => table.indexes.length === 0)).toBe(true);
  });

  it('routes a reservation step with its id in the path, bare and under the stage prefix, and leaves every GET to $default', () => {
    const steps = COMMANDS.filter(idInPath);
    expect(steps.map((entry) => entry.route)).toEqual(['/reservas/{orden_id}/confirmar', '/reservas/{orden_id}/liberar']);
    for (const entry of steps) {
      expect(plan.gateway.routes).toContainEqual({ method: 'POST', path: `/{stage}${entry.route}`, commandType: entry.type });
    }
    // The reads (GET /reservas/{orden_id}, /ubicaciones/{ubicacion_id}/productos, a step's estado_url) have no route of their own.
    expect(plan.gateway.routes.filter((route) => route.method !== 'POST')).toEqual([{ method: 'ANY', path: '$default' }]);
  });

  it('sweeps the reservations every minute, reaching only the tables and the index it uses and the outcome topic', () => {
    expect(plan.sweeper).toMatchObject({ service: SWEEPER_APP, schedule: 'rate(1 minute)', publishesTo: [OUTCOME_TOPIC] });
    expect(plan.sweeper.function).toMatchObject({ app: SWEEPER_APP, bundle: `dist/apps/${SWEEPER_APP}`, handler: 'handler.handler' });
    expect(plan.sweeper.tableAccess.map((access) => access.role)).toEqual(['products', 'ledger', 'reservations']);
    const reservations = plan.sweeper.tableAccess.find((access) => access.role === 'reservations');
    expect(reservations?.index).toEqual({ name: DUE_INDEX.name, actions: ['dynamodb:Query'] });
    expect(plan.sweeper.tableAccess.flatMap((access) => access.actions)).not.toContain('dynamodb:Scan');
    expect(plan.sweeper.alarms.map((alarm) => alarm.metric)).toEqual(['Errors']);
  });

  it('lets the consumers reach the holds, and the read function read them', () => {
    for (const consumer of plan.consumers) expect(consumer.tableAccess.map((access) => access.role)).toContain('reservations');
    expect(plan.query.tableAccess.find((access) => access.role === 'reservations')).toEqual({ role: 'reservations', actions: ['dynamodb:GetItem'] });
  });

  it('admits to a queue only messages its own topic sends', () => {
    const statement = queuePolicyDocument('arn:queue', 'arn:topic').Statement;
    expect(statement).toEqual([
      expect.objectContaining({ Action: 'sqs:SendMessage', Resource: 'arn:queue', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:topic' } } }),
    ]);
  });

  it("takes each stage's limits from STAGE_LIMITS, and the defaults for a stage without its own", () => {
    const applied = (p: typeof plan) => ({
      api: p.gateway.throttling,
      gateway: p.gateway.function.reservedConcurrency,
      query: p.query.function.reservedConcurrency,
      consumers: p.consumers.map((consumer) => consumer.subscriber.maxConcurrency),
    });
    const expected = (limits: StageLimits) => ({
      api: limits.api,
      gateway: limits.gatewayReservedConcurrency,
      query: limits.queryReservedConcurrency,
      consumers: COMMANDS.map(() => limits.consumerMaxConcurrency),
    });
    expect(applied(plan)).toEqual(expected(STAGE_LIMITS.production!));
    expect(applied(planInfrastructure('dev-ana'))).toEqual(expected(DEFAULT_STAGE_LIMITS));
    expect(STAGE_LIMITS.production).not.toEqual(DEFAULT_STAGE_LIMITS);
    const custom: StageLimits = { api: { rateLimit: 7, burstLimit: 9 }, gatewayReservedConcurrency: 3, queryReservedConcurrency: 2, consumerMaxConcurrency: 4 };
    expect(applied(planInfrastructure('carga', custom))).toEqual(expected(custom));
  });

  it('keeps every limit within what AWS accepts: burst at least the rate, SQS event source concurrency 2 to 1,000', () => {
    for (const limits of [...Object.values(STAGE_LIMITS), DEFAULT_STAGE_LIMITS]) {
      expect(limits.api.rateLimit).toBeGreaterThan(0);
      expect(limits.api.burstLimit).toBeGreaterThanOrEqual(limits.api.rateLimit);
      expect(limits.consumerMaxConcurrency).toBeGreaterThanOrEqual(2);
      expect(limits.consumerMaxConcurrency).toBeLessThanOrEqual(1_000);
      expect(Math.min(limits.gatewayReservedConcurrency, limits.queryReservedConcurrency)).toBeGreaterThan(0);
    }
  });

  it("keeps a message the catalogue's retention, a dead letter longer, and every queue encrypted", () => {
    for (const consumer of plan.consumers) {
      expect(consumer.queue.retentionSeconds).toBe(QUEUE_RETENTION_SECONDS);
      expect(consumer.deadLetterQueue.retentionSeconds).toBeGreaterThan(consumer.queue.retentionSeconds);
      expect([consumer.queue.encryption, consumer.deadLetterQueue.encryption]).toEqual(['sqs-managed', 'sqs-managed']);
    }
  });

  it('encrypts the alarm topic with the platform key CloudWatch may use, and the others with the SNS managed key', () => {
    expect(plan.platform.topics.map((topic) => topic.encryption)).toEqual(plan.platform.topics.map(() => 'aws-managed-key'));
    expect(plan.platform.alarmTopic).toMatchObject({ encryption: 'service-key', servicePublishers: ['cloudwatch.amazonaws.com'] });
    expect(plan.platform.serviceKey).toMatchObject({ services: ['cloudwatch.amazonaws.com'], rotation: true });
  });
});
