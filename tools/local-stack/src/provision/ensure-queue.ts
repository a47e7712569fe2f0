import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  QueueNameExists,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/** A queue's two names: its URL (for sending and receiving) and its ARN (for subscriptions and redrive). */
export interface QueueRef {
  url: string;
  arn: string;
}

/**
 * The queue with these attributes, created when missing. A queue that exists with other attributes (say,
 * kept in a data directory from an older version) is brought to these.
 *
 * The URL points at the client's own endpoint when it has one: fauxqs answers with
 * `http://sqs.<region>.localhost:<port>/...`, a host name that does not resolve everywhere, while the SDK
 * sends to a queue URL's host unless told otherwise.
 *
 * @example
 * ```ts
 * const dlq = await ensureQueue(sqs, 'orden-compra-dlq', {});
 * ```
 */
export async function ensureQueue(sqs: SQSClient, name: string, attributes: Record<string, string>): Promise<QueueRef> {
  let url: string;
  try {
    url = required((await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl, name);
  } catch (error) {
    if (!(error instanceof QueueNameExists)) throw error;
    url = required((await sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl, name);
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: attributes }));
  }
  url = await onClientEndpoint(sqs, url);
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  return { url, arn: required(Attributes?.QueueArn, name) };
}

async function onClientEndpoint(sqs: SQSClient, queueUrl: string): Promise<string> {
  if (!sqs.config.endpoint) return queueUrl;
  const endpoint = await sqs.config.endpoint();
  const port = endpoint.port === undefined ? '' : `:${endpoint.port}`;
  const base = `${endpoint.protocol}//${endpoint.hostname}${port}${endpoint.path}`.replace(/\/+$/, '');
  return `${base}${new URL(queueUrl).pathname}`;
}

function required(value: string | undefined, queue: string): string {
  if (!value) throw new Error(`SQS answered without a URL or ARN for queue ${queue}`);
  return value;
}
