import { SQSClient } from '@aws-sdk/client-sqs';
import type { AwsTarget } from '../config/aws-target';

/**
 * An SQS client for the target. Requests go to the configured endpoint, never to a queue URL's host:
 * the emulator's own URLs name a host that does not resolve everywhere.
 */
export function createSqsClient(target: AwsTarget): SQSClient {
  return new SQSClient({
    region: target.region,
    useQueueUrlAsEndpoint: false,
    ...(target.sqsEndpoint !== undefined && { endpoint: target.sqsEndpoint }),
    ...(target.credentials !== undefined && { credentials: target.credentials }),
  });
}
