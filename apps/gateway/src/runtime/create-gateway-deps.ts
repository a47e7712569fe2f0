import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Logger } from '@aws-lambda-powertools/logger';
import {
  assertSignatureConfigSafe,
  coalescingCommandPublisher,
  coalescingIntake,
  LambdaInventoryQueries,
  lambdaQueryInvoker,
  SnsCommandPublisher,
  type RuntimeConfig,
} from '@inventario/events';
import { DynamoInventoryStore } from '@inventario/inventory-core';
import { KeyRing } from '@inventario/signature';
import type { GatewayDeps } from '../gateway-deps';

/**
 * Builds the gateway's real dependencies from its configuration, once per process or Lambda container:
 * the key ring, the DynamoDB store (reads and intake) and the SNS publisher. Refuses an unsafe
 * signature configuration and warns, once, when the local default key is in use. `captureClient` lets the
 * caller instrument each AWS SDK client (X-Ray on Lambda: `tracer.captureAWSv3Client`).
 *
 * @example
 * const app = createGatewayApp(createGatewayDeps(loadRuntimeConfig(process.env), logger));
 */
export function createGatewayDeps(
  config: RuntimeConfig,
  logger: Logger,
  captureClient: <T>(client: T) => T = (client) => client,
): GatewayDeps {
  assertSignatureConfigSafe(config);
  const keyRing = KeyRing.fromSecret(config.signatureSecret);
  if (keyRing.usesLocalDefault) {
    logger.warn('SIGNATURE_SECRET is not set: requests are verified with the local default key (local use only)');
  }
  const store = new DynamoInventoryStore({ client: captureClient(new DynamoDBClient({ region: config.region })), tables: config.tables });
  return {
    keyRing,
    allowLegacy: config.signatureLegacy,
    allowV1: config.signatureV1,
    stage: config.stage,
    // Requests accepted at about the same time share one PublishBatch and one write of their records
    // (see coalesceCalls); with one request at a time, as on Lambda, each is its own Publish and PutItem.
    publisher: coalescingCommandPublisher(new SnsCommandPublisher({ client: captureClient(new SNSClient({ region: config.region })), topicArns: config.topicArns })),
    intake: coalescingIntake(store),
    // On AWS reads go to the query function (consultar-inventario); locally the store answers in-process.
    queries: config.queryFunctionName
      ? new LambdaInventoryQueries(lambdaQueryInvoker(captureClient(new LambdaClient({ region: config.region })), config.queryFunctionName))
      : store,
    logger,
  };
}
