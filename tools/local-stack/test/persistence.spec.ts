import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { endpointsFromEnv, localClients } from '../src/clients';
import { spawnLocalStack } from '../src/spawn-stack';
import { resourcesOf } from './support';

describe('a stack with a data directory', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'local-stack-data-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps table items and queued messages across a restart', async () => {
    const first = await spawnLocalStack({ args: ['--data-dir', dataDir] });
    try {
      const clients = localClients(endpointsFromEnv(first.env));
      await clients.dynamodb.send(
        new PutItemCommand({
          TableName: first.env.TABLE_PRODUCTS,
          Item: { producto_id: { S: 'PRO123' }, nombre: { S: 'Tornillo' }, stock: { N: '7' } },
        }),
      );
      await clients.sqs.send(new SendMessageCommand({ QueueUrl: resourcesOf(first.env).queues['orden-compra'], MessageBody: 'kept' }));
      clients.destroy();
    } finally {
      await first.stop();
    }
    expect((await readdir(dataDir)).sort()).toEqual(['dynamodb', 'sns-sqs']);

    const second = await spawnLocalStack({ args: ['--data-dir', dataDir] });
    try {
      const clients = localClients(endpointsFromEnv(second.env));
      const { Item } = await clients.dynamodb.send(
        new GetItemCommand({ TableName: second.env.TABLE_PRODUCTS, Key: { producto_id: { S: 'PRO123' } }, ConsistentRead: true }),
      );
      const { Messages = [] } = await clients.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: resourcesOf(second.env).queues['orden-compra'], WaitTimeSeconds: 2 }),
      );
      clients.destroy();

      expect(Item).toEqual({ producto_id: { S: 'PRO123' }, nombre: { S: 'Tornillo' }, stock: { N: '7' } });
      expect(Messages.map((m) => m.Body)).toEqual(['kept']);
      expect(resourcesOf(second.env).queues['orden-compra']).toBe(`${second.env.AWS_ENDPOINT_URL_SQS}/000000000000/orden-compra`);
    } finally {
      await second.stop();
    }
  });
});
