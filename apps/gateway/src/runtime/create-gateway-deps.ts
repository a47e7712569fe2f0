import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Logger } from '@aws-lambda-powertools/logger';
import { SnsCommandPublisher, type RuntimeConfig } from '@inventario/events';
import { DynamoInventoryStore } from '@inventario/inventory-core';
import { KeyRing } from '@inventario/signature';
import type { GatewayDeps } from '../gateway-deps';
import { assertSignatureConfigSafe } from './signature-startup-check';

/**
 * Builds the gateway's real dependencies from its configuration, once per process or Lambda container:
 * the key ring, the DynamoDB store (reads and intake) and the SNS publisher. Refuses an unsafe
 * signature configuration and warns, once, when the local default key is in use.
 *
 * @example
 * const app = createGatewayApp(createGatewayDeps(loadRuntimeConfig(process.env), logger));
 */
export function createGatewayDeps(config: RuntimeConfig, logger: Logger): GatewayDeps {
  assertSignatureConfigSafe(config);
  const keyRing = KeyRing.fromSecret(config.signatureSecret);
  if (keyRing.usesLocalDefault) {
    logger.warn('SIGNATURE_SECRET is not set: requests are verified with the local default key (local use only)');
  }
  const store = new DynamoInventoryStore({ client: new DynamoDBClient({ region: config.region }), tables: config.tables });
  return {
    keyRing,
    allowLegacy: config.signatureLegacy,
    stage: config.stage,
    publisher: new SnsCommandPublisher({ client: new SNSClient({ region: config.region }), topicArns: config.topicArns }),
    intake: store,
    queries: store,
    logger,
  };
}
