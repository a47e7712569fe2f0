import { COMMANDS, MAX_RECEIVE_COUNT, OUTCOME_TOPIC, QUEUE_RETENTION_SECONDS, SWEEPER_APP } from '@inventario/events';
import { DUE_INDEX } from '@inventario/inventory-core';
import { DEFAULT_STAGE_LIMITS, physicalName, POWERTOOLS_LAYER_PARAMETER, SERVICES, stageLimits } from '../src';
import { runUnderMocks, type MockRun, type RecordedResource } from './sst-program/run-under-mocks';

// The real `sst.config.ts`, run for every SST app under Pulumi's unit-test mocks: these are the
// resources SST would ask AWS for.
const STAGE = 'production';
const LIMITS = stageLimits(STAGE);
/** A stage without limits of its own, to see that the limits follow the stage. */
const OTHER_STAGE = 'staging';
const runs = new Map<string, MockRun>();
let otherStageGateway: MockRun;

beforeAll(async () => {
  for (const service of SERVICES) runs.set(service, await runUnderMocks(service, STAGE));
  otherStageGateway = await runUnderMocks('gateway', OTHER_STAGE);
});

function resources(service: string, type: string): RecordedResource[] {
  return runs.get(service)!.resources.filter((resource) => resource.type === type);
}

function one(service: string, type: string, where: (inputs: Record<string, unknown>) => boolean): Record<string, unknown> {
  const found = resources(service, type).filter((resource) => where(resource.inputs));
  expect(found).toHaveLength(1);
  return found[0]!.inputs;
}

const topicArn = (topic: string) => `arn:aws:sns:us-east-1:123456789012:${physicalName(STAGE, topic)}`;
const queueArn = (queue: string) => `arn:aws:sqs:us-east-1:123456789012:${physicalName(STAGE, queue)}`;

interface Statement {
  Action: string[];
  Resource: string[];
}

function rolePolicy(service: string, functionName: string): Statement[] {
  const fn = one(service, 'aws:lambda/function:Function', (inputs) => inputs.name === functionName || String(inputs.name).includes(functionName));
  const role = one(service, 'aws:iam/role:Role', (inputs) => String(fn.role).endsWith(String(inputs.name)));
  const inline = role.inlinePolicies as { policy: string }[];
  return inline.flatMap((policy) => (JSON.parse(policy.policy) as { Statement: Statement[] }).Statement);
}

describe('sst.config.ts under Pulumi mocks', () => {
  it('creates the four tables with point-in-time recovery on, in the platform app', () => {
    const tables = resources('platform', 'aws:dynamodb/table:Table').map((table) => table.inputs);
    expect(tables.map((table) => table.name).sort()).toEqual(
      ['comandos_t', 'movimientos_t', 'product_t', 'reservas_t'].map((name) => physicalName(STAGE, name)).sort(),
    );
    for (const table of tables) expect(table.pointInTimeRecovery).toEqual({ enabled: true });
  });

  it('gives the reservations table its due index, every attribute projected', () => {
    const table = one('platform', 'aws:dynamodb/table:Table', (inputs) => inputs.name === physicalName(STAGE, 'reservas_t'));
    expect(table.globalSecondaryIndexes).toEqual([
      expect.objectContaining({ name: DUE_INDEX.name, hashKey: DUE_INDEX.partitionKey.name, rangeKey: DUE_INDEX.sortKey.name, projectionType: 'ALL' }),
    ]);
    expect(table.attributes).toEqual(
      expect.arrayContaining([
        { name: 'orden_id', type: 'S' },
        { name: DUE_INDEX.partitionKey.name, type: DUE_INDEX.partitionKey.type },
        { name: DUE_INDEX.sortKey.name, type: DUE_INDEX.sortKey.type },
      ]),
    );
  });

  it('creates every command topic and InventarioEventos in the platform app', () => {
    const topics = resources('platform', 'aws:sns/topic:Topic').map((topic) => topic.inputs.name);
    for (const name of [...COMMANDS.map((entry) => entry.topic), OUTCOME_TOPIC]) expect(topics).toContain(physicalName(STAGE, name));
  });

  it("encrypts every topic at rest: SNS's managed key, and for the alarm topic a rotated key CloudWatch may use", () => {
    const key = one('platform', 'aws:kms/key:Key', () => true);
    expect(key.enableKeyRotation).toBe(true);
    const keyPolicy = JSON.parse(String(key.policy)) as { Statement: Record<string, unknown>[] };
    expect(keyPolicy.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
    );
    const byName = new Map(resources('platform', 'aws:sns/topic:Topic').map((topic) => [topic.inputs.name, topic.inputs]));
    expect(byName.size).toBe(COMMANDS.length + 2);
    for (const name of [...COMMANDS.map((entry) => entry.topic), OUTCOME_TOPIC]) {
      expect(byName.get(physicalName(STAGE, name))?.kmsMasterKeyId).toBe('alias/aws/sns');
    }
    expect(byName.get(physicalName(STAGE, 'Alarmas'))?.kmsMasterKeyId).toBe(`arn:aws:kms:us-east-1:123456789012:ServiceKey`);
  });

  it('gives every topic its own access policy: this account only, over TLS only, and CloudWatch only on the alarm topic', () => {
    const policies = resources('platform', 'aws:sns/topicPolicy:TopicPolicy').map((policy) => policy.inputs);
    const topicNames = [...COMMANDS.map((entry) => entry.topic), OUTCOME_TOPIC, 'Alarmas'];
    expect(policies.map((policy) => policy.arn).sort()).toEqual(topicNames.map(topicArn).sort());
    for (const policy of policies) {
      const { Statement } = JSON.parse(String(policy.policy)) as { Statement: Record<string, unknown>[] };
      expect(Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Resource: policy.arn }),
      );
      expect(Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      const allowed = Statement.filter((statement) => statement.Effect === 'Allow').map((statement) => statement.Principal);
      expect(allowed).not.toContain('*');
      const services = allowed.filter((principal) => typeof principal === 'object' && principal !== null && 'Service' in principal);
      expect(services).toEqual(policy.arn === topicArn('Alarmas') ? [{ Service: 'cloudwatch.amazonaws.com' }] : []);
    }
    const alarmPolicy = JSON.parse(String(policies.find((policy) => policy.arn === topicArn('Alarmas'))!.policy)) as { Statement: Record<string, unknown>[] };
    expect(alarmPolicy.Statement).toContainEqual(
      expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }),
    );
  });

  describe.each(COMMANDS.map((entry) => [entry.app, entry] as const))('the %s app', (app, entry) => {
    it('has its queue and dead-letter queue: redrive after 5 receives, visibility at least 6x the function timeout', () => {
      const queue = one(app, 'aws:sqs/queue:Queue', (inputs) => inputs.name === physicalName(STAGE, entry.queue));
      one(app, 'aws:sqs/queue:Queue', (inputs) => inputs.name === physicalName(STAGE, entry.deadLetterQueue));
      expect(JSON.parse(String(queue.redrivePolicy))).toEqual({ deadLetterTargetArn: queueArn(entry.deadLetterQueue), maxReceiveCount: MAX_RECEIVE_COUNT });
      const fn = one(app, 'aws:lambda/function:Function', () => true);
      expect(Number(queue.visibilityTimeoutSeconds)).toBeGreaterThanOrEqual(6 * Number(fn.timeout));
    });

    it("encrypts both queues at rest with SQS's own keys, keeps messages the catalogue's retention and dead letters longer", () => {
      const queue = one(app, 'aws:sqs/queue:Queue', (inputs) => inputs.name === physicalName(STAGE, entry.queue));
      const deadLetterQueue = one(app, 'aws:sqs/queue:Queue', (inputs) => inputs.name === physicalName(STAGE, entry.deadLetterQueue));
      expect(queue).toMatchObject({ sqsManagedSseEnabled: true, messageRetentionSeconds: QUEUE_RETENTION_SECONDS });
      expect(deadLetterQueue).toMatchObject({ sqsManagedSseEnabled: true });
      expect(Number(deadLetterQueue.messageRetentionSeconds)).toBeGreaterThan(QUEUE_RETENTION_SECONDS);
    });

    it("runs at most the stage's number of batches at once, and reserves no concurrency of its own", () => {
      const mapping = one(app, 'aws:lambda/eventSourceMapping:EventSourceMapping', () => true);
      expect(mapping.scalingConfig).toEqual({ maximumConcurrency: LIMITS.consumerMaxConcurrency });
      expect(LIMITS.consumerMaxConcurrency).toBeGreaterThanOrEqual(2);
      expect(one(app, 'aws:lambda/function:Function', () => true).reservedConcurrentExecutions).toBeUndefined();
    });

    it('subscribes the queue to its own topic with raw delivery, and the queue policy admits only that topic', () => {
      const subscription = one(app, 'aws:sns/topicSubscription:TopicSubscription', () => true);
      expect(subscription).toMatchObject({ topic: topicArn(entry.topic), protocol: 'sqs', endpoint: queueArn(entry.queue), rawMessageDelivery: true });
      const policy = JSON.parse(String(one(app, 'aws:sqs/queuePolicy:QueuePolicy', () => true).policy)) as { Statement: Record<string, unknown>[] };
      expect(policy.Statement).toHaveLength(1);
      expect(policy.Statement[0]).toMatchObject({
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Resource: queueArn(entry.queue),
        Condition: { ArnEquals: { 'aws:SourceArn': topicArn(entry.topic) } },
      });
    });

    it('has a Node 24 arm64 subscriber built from the app bundle, with partial batch responses', () => {
      const fn = one(app, 'aws:lambda/function:Function', () => true);
      expect(fn).toMatchObject({ runtime: 'nodejs24.x', architectures: ['arm64'], handler: 'handler.handler' });
      expect(runs.get(app)!.builds.map((build) => build.bundle)).toEqual([expect.stringMatching(new RegExp(`dist/apps/${app}$`))]);
      const mapping = one(app, 'aws:lambda/eventSourceMapping:EventSourceMapping', () => true);
      expect(mapping).toMatchObject({ eventSourceArn: queueArn(entry.queue), functionResponseTypes: ['ReportBatchItemFailures'] });
    });

    it('alarms on dead-letter depth, oldest message age and function errors', () => {
      const alarms = resources(app, 'aws:cloudwatch/metricAlarm:MetricAlarm').map((alarm) => alarm.inputs);
      expect(alarms).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ metricName: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: physicalName(STAGE, entry.deadLetterQueue) } }),
          expect.objectContaining({ metricName: 'ApproximateAgeOfOldestMessage', dimensions: { QueueName: physicalName(STAGE, entry.queue) } }),
          expect.objectContaining({ metricName: 'Errors', namespace: 'AWS/Lambda' }),
        ]),
      );
      for (const alarm of alarms) expect(alarm.alarmActions).toEqual([topicArn('Alarmas')]);
    });

    it('may publish only to InventarioEventos and send only to its own dead-letter queue', () => {
      const fn = one(app, 'aws:lambda/function:Function', () => true);
      const statements = rolePolicy(app, String(fn.name));
      const resourcesOf = (action: string) => statements.filter((s) => s.Action.includes(action)).flatMap((s) => s.Resource);
      expect(resourcesOf('sns:Publish')).toEqual([topicArn(OUTCOME_TOPIC)]);
      expect(resourcesOf('sqs:SendMessage')).toEqual([queueArn(entry.deadLetterQueue)]);
      expect(resourcesOf('sqs:ReceiveMessage')).toEqual([queueArn(entry.queue)]);
      expect(statements.flatMap((s) => s.Action).some((action) => action.endsWith(':*') || action === '*')).toBe(false);
    });
  });

  describe('the expirar-reservas app', () => {
    const tableArn = (base: string) => `arn:aws:dynamodb:us-east-1:123456789012:table/${physicalName(STAGE, base)}`;

    it('runs its Node 24 arm64 function from the app bundle on a schedule of every minute', () => {
      const rule = one(SWEEPER_APP, 'aws:cloudwatch/eventRule:EventRule', () => true);
      expect(rule.scheduleExpression).toBe('rate(1 minute)');
      const fn = one(SWEEPER_APP, 'aws:lambda/function:Function', () => true);
      expect(fn).toMatchObject({ runtime: 'nodejs24.x', architectures: ['arm64'], handler: 'handler.handler' });
      expect(runs.get(SWEEPER_APP)!.builds.map((build) => build.bundle)).toEqual([expect.stringMatching(new RegExp(`dist/apps/${SWEEPER_APP}$`))]);
      one(SWEEPER_APP, 'aws:cloudwatch/eventTarget:EventTarget', (inputs) => inputs.rule !== undefined);
      expect(resources(SWEEPER_APP, 'aws:sqs/queue:Queue')).toEqual([]);
    });

    it('may reach the products, the ledger, the holds and their due index, and publish to InventarioEventos only', () => {
      const fn = one(SWEEPER_APP, 'aws:lambda/function:Function', () => true);
      const statements = rolePolicy(SWEEPER_APP, String(fn.name));
      const resourcesOf = (action: string) => statements.filter((s) => s.Action.includes(action)).flatMap((s) => s.Resource);
      expect(resourcesOf('sns:Publish')).toEqual([topicArn(OUTCOME_TOPIC)]);
      expect(resourcesOf('dynamodb:Query')).toEqual([`${tableArn('reservas_t')}/index/${DUE_INDEX.name}`]);
      expect(resourcesOf('dynamodb:UpdateItem').sort()).toEqual([tableArn('product_t'), tableArn('reservas_t')].sort());
      expect(resourcesOf('dynamodb:PutItem')).toEqual([tableArn('movimientos_t')]);
      const reached = statements.filter((s) => s.Action.some((action) => action.startsWith('dynamodb:'))).flatMap((s) => s.Resource);
      expect(reached.some((arn) => arn.includes('comandos_t'))).toBe(false);
      expect(statements.flatMap((s) => s.Action).some((action) => action.endsWith(':*') || action === '*' || action.startsWith('sqs:'))).toBe(false);
    });

    it('alarms on function errors', () => {
      const alarms = resources(SWEEPER_APP, 'aws:cloudwatch/metricAlarm:MetricAlarm').map((alarm) => alarm.inputs);
      expect(alarms).toEqual([expect.objectContaining({ metricName: 'Errors', namespace: 'AWS/Lambda', alarmActions: [topicArn('Alarmas')] })]);
    });
  });

  it('lets every consumer apply to the holds, and the query function only read them', () => {
    const reservations = `arn:aws:dynamodb:us-east-1:123456789012:table/${physicalName(STAGE, 'reservas_t')}`;
    const actionsOn = (service: string) => {
      const fn = one(service, 'aws:lambda/function:Function', () => true);
      return rolePolicy(service, String(fn.name)).filter((s) => s.Resource.includes(reservations)).flatMap((s) => s.Action);
    };
    for (const entry of COMMANDS) expect(actionsOn(entry.app)).toEqual(expect.arrayContaining(['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
    expect(actionsOn('consultar-inventario')).toEqual(['dynamodb:GetItem']);
  });

  it('routes every command, bare and under the stage prefix, and everything else, to the gateway function', () => {
    const routeKeys = resources('gateway', 'aws:apigatewayv2/route:Route').map((route) => route.inputs.routeKey);
    for (const entry of COMMANDS) {
      expect(routeKeys).toContain(`POST ${entry.route}`);
      expect(routeKeys).toContain(`POST /{stage}${entry.route}`);
    }
    expect(routeKeys).toContain('$default');
    expect(new Set(resources('gateway', 'aws:lambda/function:Function').map((fn) => fn.name))).toEqual(new Set(['GatewayFunctionFunction']));
  });

  it("throttles every route of the HTTP API by default, at the stage's rate and burst", () => {
    const stage = one('gateway', 'aws:apigatewayv2/stage:Stage', () => true);
    expect(stage.defaultRouteSettings).toEqual({ throttlingRateLimit: LIMITS.api.rateLimit, throttlingBurstLimit: LIMITS.api.burstLimit });
    expect(LIMITS.api.burstLimit).toBeGreaterThanOrEqual(LIMITS.api.rateLimit);
  });

  it("takes another stage's limits on another stage", () => {
    const of = (type: string) => otherStageGateway.resources.filter((resource) => resource.type === type).map((resource) => resource.inputs);
    expect(of('aws:apigatewayv2/stage:Stage')).toEqual([
      expect.objectContaining({
        defaultRouteSettings: { throttlingRateLimit: DEFAULT_STAGE_LIMITS.api.rateLimit, throttlingBurstLimit: DEFAULT_STAGE_LIMITS.api.burstLimit },
      }),
    ]);
    expect(of('aws:lambda/function:Function')).toEqual([expect.objectContaining({ reservedConcurrentExecutions: DEFAULT_STAGE_LIMITS.gatewayReservedConcurrency })]);
    expect(DEFAULT_STAGE_LIMITS.api).not.toEqual(LIMITS.api);
  });

  it('reserves concurrency for the gateway and the query function, leaving AWS its 100 unreserved of a 1,000 account', () => {
    const gateway = one('gateway', 'aws:lambda/function:Function', () => true);
    const query = one('consultar-inventario', 'aws:lambda/function:Function', () => true);
    expect(gateway.reservedConcurrentExecutions).toBe(LIMITS.gatewayReservedConcurrency);
    expect(query.reservedConcurrentExecutions).toBe(LIMITS.queryReservedConcurrency);
    const consumers = COMMANDS.length * LIMITS.consumerMaxConcurrency;
    expect(LIMITS.gatewayReservedConcurrency + LIMITS.queryReservedConcurrency + consumers).toBeLessThanOrEqual(1_000 - 100);
  });

  it('lets the gateway publish to the command topics and invoke the query function, nothing else', () => {
    const fn = one('gateway', 'aws:lambda/function:Function', () => true);
    const statements = rolePolicy('gateway', String(fn.name));
    const resourcesOf = (action: string) => statements.filter((s) => s.Action.includes(action)).flatMap((s) => s.Resource);
    expect(resourcesOf('sns:Publish').sort()).toEqual(COMMANDS.map((entry) => topicArn(entry.topic)).sort());
    expect(resourcesOf('lambda:InvokeFunction')).toEqual([
      `arn:aws:lambda:us-east-1:123456789012:function:${physicalName(STAGE, 'consultar-inventario')}`,
    ]);
    expect(statements.flatMap((s) => s.Action).filter((action) => action.startsWith('dynamodb:'))).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem']);
  });

  it('names the query function so the gateway finds it, and lets it only read', () => {
    const fn = one('consultar-inventario', 'aws:lambda/function:Function', () => true);
    expect(fn.name).toBe(physicalName(STAGE, 'consultar-inventario'));
    const actions = rolePolicy('consultar-inventario', String(fn.name)).flatMap((s) => s.Action);
    expect(actions.filter((action) => /Put|Update|Delete|Write/.test(action))).toEqual([]);
  });

  it('gives every function Powertools from its official layer, at the installed version', () => {
    const functions = SERVICES.flatMap((service) => resources(service, 'aws:lambda/function:Function'));
    expect(functions.length).toBeGreaterThanOrEqual(COMMANDS.length + 2);
    for (const fn of functions) {
      expect(fn.inputs.layers).toEqual([expect.stringContaining(`:${POWERTOOLS_LAYER_PARAMETER}`)]);
    }
  });

  it('keeps each service in its own SST app: no app creates another service resources', () => {
    for (const service of SERVICES.filter((name) => name !== 'platform')) {
      expect(resources(service, 'aws:sns/topic:Topic')).toEqual([]);
      expect(resources(service, 'aws:dynamodb/table:Table')).toEqual([]);
    }
    for (const entry of COMMANDS) {
      for (const other of SERVICES.filter((name) => name !== entry.app)) {
        expect(resources(other, 'aws:sqs/queue:Queue').map((queue) => queue.inputs.name)).not.toContain(physicalName(STAGE, entry.queue));
      }
    }
  });
});
