import { RESOURCES_ENV, type Resources } from '@inventario/events';
import type { TableNames } from '@inventario/inventory-core';
import type { StackEndpoints } from './clients';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './constants';

/**
 * The environment every app needs to run against the local stack: region and dummy credentials, the
 * standard `AWS_ENDPOINT_URL_*` variables the AWS SDK v3 reads by itself, `INVENTARIO_RESOURCES` and the
 * table names.
 *
 * @example
 * ```ts
 * stackEnv(endpoints, resources, DEFAULT_TABLE_NAMES).AWS_ENDPOINT_URL_SQS; // 'http://127.0.0.1:41233'
 * ```
 */
export function stackEnv(endpoints: StackEndpoints, resources: Resources, tables: TableNames): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SNS: endpoints.sns,
    AWS_ENDPOINT_URL_SQS: endpoints.sqs,
    [RESOURCES_ENV]: JSON.stringify(resources),
    TABLE_PRODUCTS: tables.products,
    TABLE_LEDGER: tables.ledger,
    TABLE_COMMANDS: tables.commands,
    TABLE_RESERVATIONS: tables.reservations,
  };
}
