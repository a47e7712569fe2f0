import type { CommandType, TableNames } from '@inventario/inventory-core';

/** An SST app of this system: the shared platform, or one service owned by one team. */
export type ServiceName = 'platform' | 'gateway' | 'consultar-inventario' | ConsumerApp;

/** The Nx project (and SST app) of a command's consumer, as the catalogue names it. */
export type ConsumerApp = string;

/** A DynamoDB table; the physical name keeps the old system's name under a stage prefix. */
export interface TablePlan {
  /** Component name in SST. */
  id: string;
  role: keyof TableNames;
  /** Physical name: `<app>-<stage>-<base name>`. */
  name: string;
  partitionKey: { name: string; type: 'S' | 'N' };
  sortKey?: { name: string; type: 'S' | 'N' };
  pointInTimeRecovery: true;
}

/** An SNS topic: one per command, plus the outcome topic and the alarm topic. */
export interface TopicPlan {
  id: string;
  /** The catalogue's name (`OrdenCompra`, `InventarioEventos`): the key under which runtime code finds it. */
  topic: string;
  /** Physical name: `<app>-<stage>-<topic>`. */
  name: string;
}

/** A Lambda function built by Nx (`dist/apps/<app>`) and deployed as it was tested. */
export interface FunctionPlan {
  id: string;
  /** Nx project whose build output is the bundle. */
  app: string;
  /** Directory of the built bundle, relative to the workspace root. */
  bundle: string;
  /** `<file>.<export>` inside the bundle. */
  handler: string;
  runtime: 'nodejs24.x';
  architecture: 'arm64';
  timeoutSeconds: number;
  memoryMb: number;
  /** Physical name, when other services must find the function by name. */
  name?: string;
}

/** An alarm on one CloudWatch metric; fires when the statistic is above the threshold. */
export interface AlarmPlan {
  id: string;
  namespace: 'AWS/SQS' | 'AWS/Lambda';
  metric: 'ApproximateNumberOfMessagesVisible' | 'ApproximateAgeOfOldestMessage' | 'Errors';
  /** Which resource's dimension: a queue name or a function. */
  on: { queue: string } | { function: string };
  statistic: 'Maximum' | 'Sum';
  periodSeconds: number;
  evaluationPeriods: number;
  /** The alarm fires when the statistic is greater than this. */
  threshold: number;
  description: string;
}

/** What a function may do to a table (the IAM actions of its DynamoDB calls). */
export interface TableAccess {
  role: keyof TableNames;
  actions: readonly string[];
}

/** One command's consumer: its queue, dead-letter queue, subscription, function and alarms. */
export interface ConsumerPlan {
  service: ConsumerApp;
  commandType: CommandType;
  route: string;
  /** The catalogue's topic this consumer's queue is subscribed to. */
  topic: string;
  /** `queue` is the catalogue's name (the runtime's key), `name` the physical one. */
  queue: { id: string; queue: string; name: string; visibilityTimeoutSeconds: number };
  deadLetterQueue: { id: string; queue: string; name: string; retentionSeconds: number };
  maxReceiveCount: number;
  subscription: { rawMessageDelivery: true; /** Only this topic may send to the queue (`aws:SourceArn`). */ sourceTopic: string };
  subscriber: { function: FunctionPlan; batchSize: number; batchWindowSeconds: number; partialResponses: true };
  tableAccess: readonly TableAccess[];
  /** Topics it publishes to (the outcome topic). */
  publishesTo: readonly string[];
  alarms: readonly AlarmPlan[];
}

/** The read function the gateway invokes (the Lambda-invoke adapter of the query port). */
export interface QueryPlan {
  service: 'consultar-inventario';
  function: FunctionPlan & { name: string };
  tableAccess: readonly TableAccess[];
  alarms: readonly AlarmPlan[];
}

/** An HTTP API route to the gateway function. */
export interface RoutePlan {
  method: 'POST' | 'GET' | 'ANY';
  /** `$default` catches every other path; the gateway answers it with the contract's 404/405. */
  path: string;
  commandType?: CommandType;
}

/** The HTTP API and the gateway function behind it. */
export interface GatewayPlan {
  service: 'gateway';
  function: FunctionPlan;
  routes: readonly RoutePlan[];
  tableAccess: readonly TableAccess[];
  /** Command topics it publishes to. */
  publishesTo: readonly string[];
  invokes: string;
  alarms: readonly AlarmPlan[];
}

/** Resources every service uses, owned by the platform app. */
export interface PlatformPlan {
  service: 'platform';
  tables: readonly TablePlan[];
  topics: readonly TopicPlan[];
  /** The topic alarms notify. */
  alarmTopic: TopicPlan;
}

/** The whole system on one stage: what `sst.config.ts` builds, derived from the catalogue only. */
export interface InfraPlan {
  app: string;
  stage: string;
  platform: PlatformPlan;
  gateway: GatewayPlan;
  query: QueryPlan;
  consumers: readonly ConsumerPlan[];
  /** Name of the `sst.Secret` holding the signing keys (comma-separated, like `SIGNATURE_SECRET`). */
  signatureSecret: string;
}
