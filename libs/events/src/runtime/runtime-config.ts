import { DEFAULT_STOCK_MINIMO, DEFAULT_TABLE_NAMES, type TableNames } from '@inventario/inventory-core';
import * as z from 'zod';
import { linksFrom, type Links } from './linked-resources';
import { RESOURCES_ENV } from './resources-env';
import { sstResource } from './sst-resource';
import { RuntimeConfigError } from '../errors';

/**
 * Where every resource is, read once at the edge of each app. Locally `tools/local-stack` sets the
 * variables; on AWS the function's SST links say (see `linksFrom`), and a link wins over a variable.
 * Endpoints come from the SDK's own `AWS_ENDPOINT_URL_*`.
 */
export interface RuntimeConfig {
  region: string;
  stage: string;
  tables: TableNames;
  /** Topic ARN by topic name (the four command topics and `InventarioEventos`). */
  topicArns: Record<string, string>;
  /** Queue URL by queue name (consumer queues and their DLQs). */
  queueUrls: Record<string, string>;
  /** Comma-separated keys; undefined means the local default key. */
  signatureSecret: string | undefined;
  signatureLegacy: boolean;
  /** Accept the timestamped body-only `v1` form (`SIGNATURE_V1` not `false`). */
  signatureV1: boolean;
  stockMinimo: number;
  /** How many products' states a consumer keeps from its own writes (`PRODUCT_CACHE_SIZE`; 0: none); undefined: the store's default. */
  productCacheSize: number | undefined;
  /** The read function the gateway invokes on AWS; undefined locally, where reads go to the store. */
  queryFunctionName: string | undefined;
}

/** JSON of `{topics: {name: arn}, queues: {name: url}}`, in `INVENTARIO_RESOURCES`. */
export const resourcesSchema = z.object({
  topics: z.record(z.string(), z.string()),
  queues: z.record(z.string(), z.string()),
});
export type Resources = z.infer<typeof resourcesSchema>;

/**
 * The configuration of this process: SST links when they are active (a deployed function), environment
 * variables otherwise, so the same handler code runs on AWS and against the local stack.
 *
 * @param links SST's `Resource` object; read from `sst/resource` when SST links are active.
 * @example
 * const config = loadRuntimeConfig(process.env);
 */
export function loadRuntimeConfig(env: NodeJS.ProcessEnv, links: Record<string, unknown> | undefined = sstResource(env)): RuntimeConfig {
  const fromEnv = configFromEnv(env);
  return links === undefined ? fromEnv : withLinks(fromEnv, linksFrom(links));
}

function configFromEnv(env: NodeJS.ProcessEnv): RuntimeConfig {
  const resources = resourcesSchema.parse(JSON.parse(env[RESOURCES_ENV] ?? '{"topics":{},"queues":{}}'));
  return {
    region: env.AWS_REGION ?? 'us-east-1',
    stage: env.STAGE ?? 'dev',
    tables: {
      products: env.TABLE_PRODUCTS ?? DEFAULT_TABLE_NAMES.products,
      ledger: env.TABLE_LEDGER ?? DEFAULT_TABLE_NAMES.ledger,
      commands: env.TABLE_COMMANDS ?? DEFAULT_TABLE_NAMES.commands,
      reservations: env.TABLE_RESERVATIONS ?? DEFAULT_TABLE_NAMES.reservations,
    },
    topicArns: resources.topics,
    queueUrls: resources.queues,
    signatureSecret: env.SIGNATURE_SECRET === '' ? undefined : env.SIGNATURE_SECRET,
    signatureLegacy: env.SIGNATURE_LEGACY !== 'false',
    signatureV1: env.SIGNATURE_V1 !== 'false',
    stockMinimo: parseStockMinimo(env.STOCK_MINIMO),
    productCacheSize: parseCount(env.PRODUCT_CACHE_SIZE, 'PRODUCT_CACHE_SIZE'),
    queryFunctionName: env.QUERY_FUNCTION_NAME === '' ? undefined : env.QUERY_FUNCTION_NAME,
  };
}

function withLinks(config: RuntimeConfig, links: Links): RuntimeConfig {
  return {
    ...config,
    stage: links.stage ?? config.stage,
    tables: { ...config.tables, ...links.tables },
    topicArns: { ...config.topicArns, ...links.topicArns },
    queueUrls: { ...config.queueUrls, ...links.queueUrls },
    signatureSecret: links.signatureSecret ?? config.signatureSecret,
    queryFunctionName: links.queryFunctionName ?? config.queryFunctionName,
  };
}

function parseStockMinimo(raw: string | undefined): number {
  return parseCount(raw, 'STOCK_MINIMO') ?? DEFAULT_STOCK_MINIMO;
}

/** A non-negative integer variable; undefined when unset or empty. */
function parseCount(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new RuntimeConfigError(`${name} must be a non-negative integer`);
  return value;
}
