import type { CommandType, TableNames } from '@inventario/inventory-core';

/** An SST app of this system: the shared platform, or one service owned by one team. */
export type ServiceName = 'platform' | 'gateway' | 'consultar-inventario' | 'expirar-reservas' | ConsumerApp;

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
  /** Global secondary indexes (all attributes projected), from the table definitions. */
  indexes: readonly IndexPlan[];
  pointInTimeRecovery: true;
}

/** A global secondary index of a table. */
export interface IndexPlan {
  name: string;
  partitionKey: { name: string; type: 'S' | 'N' };
  sortKey?: { name: string; type: 'S' | 'N' };
  projection: 'all';
}

/** An SNS topic: one per command, plus the outcome topic and the alarm topic. */
export interface TopicPlan {
  id: string;
  /** The catalogue's name (`OrdenCompra`, `InventarioEventos`): the key under which runtime code finds it. */
  topic: string;
  /** Physical name: `<app>-<stage>-<topic>`. */
  name: string;
  /**
   * Encryption at rest: SNS's AWS managed key (`alias/aws/sns`), which this account's principals use
   * through SNS, or the platform's own key ({@link PlatformPlan.serviceKey}), which AWS services that
   * publish (CloudWatch alarms) can be granted.
   */
  encryption: 'aws-managed-key' | 'service-key';
  /** AWS services that may publish to it for this account (the topic policy); this account's principals always may. */
  servicePublishers: readonly string[];
}

/** The platform's own KMS key, for topics AWS services publish to; rotated every year. */
export interface ServiceKeyPlan {
  id: string;
  /** `alias/<app>-<stage>-<name>`. */
  alias: string;
  /** The services that may make and read data keys with it. */
  services: readonly string[];
  rotation: true;
}

/** HTTP API route throttling: requests a second in steady state, and the burst above it (all clients together). */
export interface ThrottlingPlan {
  rateLimit: number;
  burstLimit: number;
}

/** What a stage may spend: route throttling, reserved concurrency, consumer concurrency. */
export interface StageLimits {
  /** Default route throttling of the HTTP API (every route). */
  api: ThrottlingPlan;
  /** Reserved concurrency of the gateway function: at most this many instances, and always this many free. */
  gatewayReservedConcurrency: number;
  /** Reserved concurrency of the read function. */
  queryReservedConcurrency: number;
  /** Maximum concurrency of each consumer's SQS event source (2 to 1,000): batches running at once per queue. */
  consumerMaxConcurrency: number;
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
  /** Reserved concurrency, for a function an HTTP request can start (the gateway, the reads). */
  reservedConcurrency?: number;
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
  /** What it may do on one index of the table (its own ARN, `<table>/index/<name>`). */
  index?: { name: string; actions: readonly string[] };
}

/** One command's consumer: its queue, dead-letter queue, subscription, function and alarms. */
export interface ConsumerPlan {
  service: ConsumerApp;
  commandType: CommandType;
  route: string;
  /** The catalogue's topic this consumer's queue is subscribed to. */
  topic: string;
  /** `queue` is the catalogue's name (the runtime's key), `name` the physical one. */
  queue: { id: string; queue: string; name: string; visibilityTimeoutSeconds: number; retentionSeconds: number; encryption: 'sqs-managed' };
  deadLetterQueue: { id: string; queue: string; name: string; retentionSeconds: number; encryption: 'sqs-managed' };
  maxReceiveCount: number;
  subscription: { rawMessageDelivery: true; /** Only this topic may send to the queue (`aws:SourceArn`). */ sourceTopic: string };
  /** `maxConcurrency`: batches the event source runs at once (its `scalingConfig`), so a flood cannot take every instance. */
  subscriber: { function: FunctionPlan; batchSize: number; batchWindowSeconds: number; partialResponses: true; maxConcurrency: number };
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

/**
 * The reservations sweeper: a function run on a schedule (no queue), which gives back the holds past
 * their expiry and announces them on the outcome topic.
 */
export interface SweeperPlan {
  service: 'expirar-reservas';
  function: FunctionPlan;
  /** EventBridge schedule expression. */
  schedule: `rate(${string})` | `cron(${string})`;
  tableAccess: readonly TableAccess[];
  publishesTo: readonly string[];
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
  /** Default route throttling of the HTTP API's stage. */
  throttling: ThrottlingPlan;
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
  /** The key of the topics AWS services publish to (the alarm topic). */
  serviceKey: ServiceKeyPlan;
}

/** The whole system on one stage: what `sst.config.ts` builds, derived from the catalogue only. */
export interface InfraPlan {
  app: string;
  stage: string;
  /** The stage's limits ({@link StageLimits}), as the plan applies them. */
  limits: StageLimits;
  platform: PlatformPlan;
  gateway: GatewayPlan;
  query: QueryPlan;
  consumers: readonly ConsumerPlan[];
  sweeper: SweeperPlan;
  /** Name of the `sst.Secret` holding the signing keys (comma-separated, like `SIGNATURE_SECRET`). */
  signatureSecret: string;
}
