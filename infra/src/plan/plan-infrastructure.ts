import { COMMANDS, MAX_RECEIVE_COUNT, OUTCOME_TOPIC, QUEUE_RETENTION_SECONDS, SWEEPER_APP, type CommandEntry } from '@inventario/events';
import { DEFAULT_TABLE_NAMES, TABLE_DEFINITIONS } from '@inventario/inventory-core';
import { deadLetterDepthAlarm, functionErrorsAlarm, oldestMessageAlarm } from './alarms';
import {
  CONSUMER_BATCH_SIZE,
  CONSUMER_BATCH_WINDOW_SECONDS,
  CONSUMER_TIMEOUT_SECONDS,
  DEAD_LETTER_RETENTION_SECONDS,
  GATEWAY_TIMEOUT_SECONDS,
  QUERY_TIMEOUT_SECONDS,
  SIGNATURE_SECRET,
  SWEEPER_SCHEDULE,
  SWEEPER_TIMEOUT_SECONDS,
  SYSTEM,
  VISIBILITY_TIMEOUT_FACTOR,
} from './constants';
import { functionPlan } from './functions';
import { pascalCase, physicalName } from './naming';
import { stageLimits } from './stage-limits';
import { APPLY_ACCESS, INTAKE_ACCESS, READ_ACCESS, SWEEP_ACCESS } from './table-access';
import type { ConsumerPlan, GatewayPlan, InfraPlan, PlatformPlan, QueryPlan, RoutePlan, StageLimits, SweeperPlan, TopicPlan } from './types';

/** The topic alarms notify (operators subscribe to it). */
export const ALARM_TOPIC = 'Alarmas';

/** The service CloudWatch alarms publish as. */
const CLOUDWATCH = 'cloudwatch.amazonaws.com';

/**
 * The whole system on one stage, derived from the catalogue (`COMMANDS`, `OUTCOME_TOPIC`,
 * `MAX_RECEIVE_COUNT`, `QUEUE_RETENTION_SECONDS`) and the table definitions: nothing about topics,
 * queues or routes is written here a second time. The stage's limits (route throttling, reserved and
 * consumer concurrency) are its entry in `STAGE_LIMITS`, else the defaults. `sst.config.ts` builds what
 * this describes; the infra tests hold it.
 *
 * @example
 * planInfrastructure('production').consumers[0].queue.visibilityTimeoutSeconds; // 180
 */
export function planInfrastructure(stage: string, limits: StageLimits = stageLimits(stage)): InfraPlan {
  return {
    app: SYSTEM,
    stage,
    limits,
    platform: planPlatform(stage),
    gateway: planGateway(limits),
    query: planQuery(stage, limits),
    consumers: COMMANDS.map((entry) => planConsumer(stage, entry, limits)),
    sweeper: planSweeper(),
    signatureSecret: SIGNATURE_SECRET,
  };
}

function planPlatform(stage: string): PlatformPlan {
  const topic = (name: string): TopicPlan => ({
    id: `${name}Topic`,
    topic: name,
    name: physicalName(stage, name),
    encryption: 'aws-managed-key',
    servicePublishers: [],
  });
  return {
    service: 'platform',
    tables: TABLE_DEFINITIONS.map((definition) => ({
      id: `${pascalCase(definition.role)}Table`,
      role: definition.role,
      name: physicalName(stage, DEFAULT_TABLE_NAMES[definition.role]),
      partitionKey: definition.partitionKey,
      ...(definition.sortKey && { sortKey: definition.sortKey }),
      indexes: (definition.indexes ?? []).map((index) => ({
        name: index.name,
        partitionKey: index.partitionKey,
        ...(index.sortKey && { sortKey: index.sortKey }),
        projection: 'all' as const,
      })),
      pointInTimeRecovery: true,
    })),
    topics: [...COMMANDS.map((entry) => topic(entry.topic)), topic(OUTCOME_TOPIC)],
    // CloudWatch cannot use SNS's AWS managed key: the alarm topic is encrypted with the platform's own.
    alarmTopic: { ...topic(ALARM_TOPIC), encryption: 'service-key', servicePublishers: [CLOUDWATCH] },
    serviceKey: { id: 'ServiceKey', alias: `alias/${physicalName(stage, 'servicios')}`, services: [CLOUDWATCH], rotation: true },
  };
}

function planConsumer(stage: string, entry: CommandEntry, limits: StageLimits): ConsumerPlan {
  const fn = functionPlan(entry.app, 'handler', CONSUMER_TIMEOUT_SECONDS);
  return {
    service: entry.app,
    commandType: entry.type,
    route: entry.route,
    topic: entry.topic,
    queue: {
      id: `${pascalCase(entry.queue)}Queue`,
      queue: entry.queue,
      name: physicalName(stage, entry.queue),
      visibilityTimeoutSeconds: VISIBILITY_TIMEOUT_FACTOR * CONSUMER_TIMEOUT_SECONDS,
      retentionSeconds: QUEUE_RETENTION_SECONDS,
      encryption: 'sqs-managed',
    },
    deadLetterQueue: {
      id: `${pascalCase(entry.deadLetterQueue)}Queue`,
      queue: entry.deadLetterQueue,
      name: physicalName(stage, entry.deadLetterQueue),
      retentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
      encryption: 'sqs-managed',
    },
    maxReceiveCount: MAX_RECEIVE_COUNT,
    subscription: { rawMessageDelivery: true, sourceTopic: entry.topic },
    subscriber: {
      function: fn,
      batchSize: CONSUMER_BATCH_SIZE,
      batchWindowSeconds: CONSUMER_BATCH_WINDOW_SECONDS,
      partialResponses: true,
      maxConcurrency: limits.consumerMaxConcurrency,
    },
    tableAccess: APPLY_ACCESS,
    publishesTo: [OUTCOME_TOPIC],
    alarms: [
      deadLetterDepthAlarm({ queue: entry.deadLetterQueue, name: physicalName(stage, entry.deadLetterQueue) }),
      oldestMessageAlarm({ queue: entry.queue, name: physicalName(stage, entry.queue) }),
      functionErrorsAlarm(fn.id),
    ],
  };
}

function planSweeper(): SweeperPlan {
  const fn = functionPlan(SWEEPER_APP, 'handler', SWEEPER_TIMEOUT_SECONDS);
  return {
    service: SWEEPER_APP,
    function: fn,
    schedule: SWEEPER_SCHEDULE,
    tableAccess: SWEEP_ACCESS,
    publishesTo: [OUTCOME_TOPIC],
    alarms: [functionErrorsAlarm(fn.id)],
  };
}

function planQuery(stage: string, limits: StageLimits): QueryPlan {
  const fn = {
    ...functionPlan('consultar-inventario', 'handler', QUERY_TIMEOUT_SECONDS),
    name: physicalName(stage, 'consultar-inventario'),
    reservedConcurrency: limits.queryReservedConcurrency,
  };
  return { service: 'consultar-inventario', function: fn, tableAccess: READ_ACCESS, alarms: [functionErrorsAlarm(fn.id)] };
}

function planGateway(limits: StageLimits): GatewayPlan {
  const fn = { ...functionPlan('gateway', 'lambda', GATEWAY_TIMEOUT_SECONDS), reservedConcurrency: limits.gatewayReservedConcurrency };
  return {
    service: 'gateway',
    function: fn,
    routes: gatewayRoutes(),
    throttling: limits.api,
    tableAccess: INTAKE_ACCESS,
    publishesTo: COMMANDS.map((entry) => entry.topic),
    invokes: 'consultar-inventario',
    alarms: [functionErrorsAlarm(fn.id)],
  };
}

/**
 * Each command's POST, bare and under the stage prefix the old clients use (`/{stage}/orden-venta`, the
 * path parameter keeps the route independent of the stage's name; a reservation's step has its id as a
 * second one, `/reservas/{orden_id}/confirmar`), then `$default` for the reads (among them the GET of a
 * step's own path, its `estado_url`), `/health`, `/openapi.json` and the contract's 404/405 answers, all
 * served by the gateway itself: a route matches on method and path, so a GET never takes a POST's route.
 */
function gatewayRoutes(): RoutePlan[] {
  const commandRoutes = COMMANDS.flatMap((entry): RoutePlan[] => [
    { method: 'POST', path: entry.route, commandType: entry.type },
    { method: 'POST', path: `/{stage}${entry.route}`, commandType: entry.type },
  ]);
  return [...commandRoutes, { method: 'ANY', path: '$default' }];
}
