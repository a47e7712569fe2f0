import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetSubscriptionAttributesCommand, ListSubscriptionsByTopicCommand, PublishCommand } from '@aws-sdk/client-sns';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ListQueuesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { COMMANDS, MAX_RECEIVE_COUNT, OUTCOME_TOPIC, commandEntry } from '@inventario/events';
import { DEFAULT_TABLE_NAMES } from '@inventario/inventory-core';
import { endpointsFromEnv, localClients, type LocalClients } from '../src/clients';
import { createTables, provision } from '../src/provision';
import { resourcesOf } from './support';

// The stack globalSetup started, provisioned by cli.ts.
let clients: LocalClients;
beforeAll(() => {
  clients = localClients(endpointsFromEnv(process.env));
});
afterAll(() => clients.destroy());

describe('provisioning', () => {
  it('provisions every command topic and the outcome topic', () => {
    const { topics } = resourcesOf(process.env);

    expect(Object.keys(topics).sort()).toEqual([...COMMANDS.map((c) => c.topic), OUTCOME_TOPIC].sort());
    for (const [name, arn] of Object.entries(topics)) expect(arn).toBe(`arn:aws:sns:us-east-1:000000000000:${name}`);
  });

  it('provisions every catalogue queue with its dead-letter queue', async () => {
    const { queues } = resourcesOf(process.env);
    expect(Object.keys(queues).sort()).toEqual(COMMANDS.flatMap((c) => [c.queue, c.deadLetterQueue]).sort());

    for (const entry of COMMANDS) {
      const queue = await attributesOf(clients.sqs, queues[entry.queue]);
      const deadLetterQueue = await attributesOf(clients.sqs, queues[entry.deadLetterQueue]);

      expect(JSON.parse(queue.RedrivePolicy ?? '{}')).toEqual({
        deadLetterTargetArn: deadLetterQueue.QueueArn,
        maxReceiveCount: MAX_RECEIVE_COUNT,
      });
      expect(queue.VisibilityTimeout).toBe('30');
      expect(deadLetterQueue.MessageRetentionPeriod).toBe(String(14 * 24 * 3600));
    }
  });

  it('gives queue URLs on the SQS endpoint itself, so any SDK client reaches them', () => {
    for (const url of Object.values(resourcesOf(process.env).queues)) {
      expect(url.startsWith(`${process.env.AWS_ENDPOINT_URL_SQS}/`)).toBe(true);
    }
  });

  it('subscribes each queue to its topic once, with raw delivery', async () => {
    const { topics, queues } = resourcesOf(process.env);
    for (const entry of COMMANDS) {
      const { QueueArn } = await attributesOf(clients.sqs, queues[entry.queue]);
      const { Subscriptions = [] } = await clients.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topics[entry.topic] }));

      expect(Subscriptions.map((s) => [s.Protocol, s.Endpoint])).toEqual([['sqs', QueueArn]]);
      const { Attributes } = await clients.sns.send(
        new GetSubscriptionAttributesCommand({ SubscriptionArn: Subscriptions[0]?.SubscriptionArn }),
      );
      expect(Attributes?.RawMessageDelivery).toBe('true');
    }
  });

  it('delivers a message published to a command topic, raw, on its queue', async () => {
    const { topics, queues } = resourcesOf(process.env);
    const entry = commandEntry('OrdenCompra');
    const body = JSON.stringify({ id: randomUUID(), tipo: 'OrdenCompra' });

    await clients.sns.send(
      new PublishCommand({
        TopicArn: topics[entry.topic],
        Message: body,
        MessageAttributes: { tipo: { DataType: 'String', StringValue: 'OrdenCompra' } },
      }),
    );
    const message = await receiveOne(clients.sqs, queues[entry.queue]);

    expect(message.Body).toBe(body);
    expect(message.MessageAttributes?.tipo?.StringValue).toBe('OrdenCompra');
    await clients.sqs.send(new DeleteMessageCommand({ QueueUrl: queues[entry.queue], ReceiptHandle: message.ReceiptHandle }));
  });

  it(`moves a message received ${MAX_RECEIVE_COUNT} times without being deleted to the dead-letter queue`, async () => {
    const { queues } = resourcesOf(process.env);
    const entry = commandEntry('EliminarProducto');
    const body = `poison-${randomUUID()}`;
    await clients.sqs.send(new SendMessageCommand({ QueueUrl: queues[entry.queue], MessageBody: body }));

    for (let receive = 1; receive <= MAX_RECEIVE_COUNT; receive += 1) {
      const message = await receiveOne(clients.sqs, queues[entry.queue], 0);
      expect(message.Body).toBe(body);
    }
    // The next receive finds it over the limit and moves it instead of delivering it.
    const { Messages = [] } = await clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: queues[entry.queue], WaitTimeSeconds: 0 }));
    expect(Messages).toEqual([]);
    const dead = await receiveOne(clients.sqs, queues[entry.deadLetterQueue]);

    expect(dead.Body).toBe(body);
    await clients.sqs.send(new DeleteMessageCommand({ QueueUrl: queues[entry.deadLetterQueue], ReceiptHandle: dead.ReceiptHandle }));
  });

  it('changes nothing and returns the same resources when run again', async () => {
    const tablesBefore = await clients.dynamodb.send(new ListTablesCommand({}));
    const queuesBefore = await clients.sqs.send(new ListQueuesCommand({}));

    const first = await provision({ ...clients, tables: DEFAULT_TABLE_NAMES });
    const second = await provision({ ...clients, tables: DEFAULT_TABLE_NAMES });

    expect(first).toEqual(resourcesOf(process.env));
    expect(second).toEqual(first);
    expect(await clients.dynamodb.send(new ListTablesCommand({}))).toMatchObject({ TableNames: tablesBefore.TableNames });
    expect((await clients.sqs.send(new ListQueuesCommand({}))).QueueUrls?.sort()).toEqual(queuesBefore.QueueUrls?.sort());
    for (const topicArn of Object.values(first.topics)) {
      const { Subscriptions = [] } = await clients.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
      expect(Subscriptions.length).toBeLessThanOrEqual(1);
    }
  });

  it('creates an isolated set of tables under other names, with the catalogue key schemas', async () => {
    const suffix = randomUUID().slice(0, 8);
    const names = { products: `products_${suffix}`, ledger: `ledger_${suffix}`, commands: `commands_${suffix}`, reservations: `reservations_${suffix}` };

    await createTables(clients.dynamodb, names);
    await createTables(clients.dynamodb, names);

    const ledger = await clients.dynamodb.send(new DescribeTableCommand({ TableName: names.ledger }));
    expect(ledger.Table?.KeySchema).toEqual([
      { AttributeName: 'producto_id', KeyType: 'HASH' },
      { AttributeName: 'version', KeyType: 'RANGE' },
    ]);
    expect(ledger.Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    const products = await clients.dynamodb.send(new DescribeTableCommand({ TableName: names.products }));
    expect(products.Table?.KeySchema).toEqual([{ AttributeName: 'producto_id', KeyType: 'HASH' }]);
  });
});

async function attributesOf(sqs: SQSClient, queueUrl: string | undefined): Promise<Record<string, string>> {
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['All'] }));
  return Attributes ?? {};
}

async function receiveOne(sqs: SQSClient, queueUrl: string | undefined, visibilityTimeout?: number): Promise<Message> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 1,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
        ...(visibilityTimeout === undefined ? {} : { VisibilityTimeout: visibilityTimeout }),
      }),
    );
    if (Messages[0]) return Messages[0];
  }
  throw new Error(`No message arrived on ${queueUrl}`);
}
