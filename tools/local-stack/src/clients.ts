import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './constants';

/** Where each emulated service answers. */
export interface StackEndpoints {
  dynamodb: string;
  sns: string;
  sqs: string;
}

/** One AWS SDK client per emulated service. */
export interface LocalClients {
  dynamodb: DynamoDBClient;
  sns: SNSClient;
  sqs: SQSClient;
  /** Closes their connections. */
  destroy(): void;
}

/**
 * AWS SDK clients pointed at the emulators, with the local region and dummy credentials.
 *
 * @example
 * ```ts
 * const clients = localClients({ dynamodb: env.AWS_ENDPOINT_URL_DYNAMODB, sns: ..., sqs: ... });
 * await clients.sqs.send(new ListQueuesCommand({}));
 * clients.destroy();
 * ```
 */
export function localClients(endpoints: StackEndpoints): LocalClients {
  const common = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const dynamodb = new DynamoDBClient({ ...common, endpoint: endpoints.dynamodb });
  const sns = new SNSClient({ ...common, endpoint: endpoints.sns });
  const sqs = new SQSClient({ ...common, endpoint: endpoints.sqs });
  return {
    dynamodb,
    sns,
    sqs,
    destroy: () => {
      dynamodb.destroy();
      sns.destroy();
      sqs.destroy();
    },
  };
}

/**
 * The endpoints named by a stack environment (`AWS_ENDPOINT_URL_*`), e.g. `process.env` in a test.
 *
 * @throws Error when one is missing: the local stack is not running.
 *
 * @example
 * ```ts
 * const clients = localClients(endpointsFromEnv(process.env));
 * ```
 */
export function endpointsFromEnv(env: NodeJS.ProcessEnv): StackEndpoints {
  const read = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set: start the local stack first (see tools/local-stack/README.md)`);
    return value;
  };
  return {
    dynamodb: read('AWS_ENDPOINT_URL_DYNAMODB'),
    sns: read('AWS_ENDPOINT_URL_SNS'),
    sqs: read('AWS_ENDPOINT_URL_SQS'),
  };
}
