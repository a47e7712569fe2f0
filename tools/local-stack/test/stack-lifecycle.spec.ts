import { dirname } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListQueuesCommand } from '@aws-sdk/client-sqs';
import { COMMANDS } from '@inventario/events';
import { DEFAULT_TABLE_NAMES } from '@inventario/inventory-core';
import { endpointsFromEnv, localClients } from '../src/clients';
import { LocalStackSpawnError } from '../src/errors';
import { spawnLocalStack } from '../src/spawn-stack';
import { dynamoDbLocalPids, exitOf, isListening, portOf } from './support';

describe('the local stack process', () => {
  it('starts on free ports, answers there, and stops leaving no process behind', async () => {
    const stack = await spawnLocalStack({ args: ['--in-memory'] });
    const dynamoPort = portOf(stack.env.AWS_ENDPOINT_URL_DYNAMODB);
    const snsSqsPort = portOf(stack.env.AWS_ENDPOINT_URL_SQS);
    try {
      expect(stack.env.AWS_ENDPOINT_URL_SNS).toBe(stack.env.AWS_ENDPOINT_URL_SQS);
      // Another stack (the one globalSetup started) is running: this one found ports of its own.
      expect(dynamoPort).not.toBe(portOf(process.env.AWS_ENDPOINT_URL_DYNAMODB));
      expect(snsSqsPort).not.toBe(portOf(process.env.AWS_ENDPOINT_URL_SQS));

      const clients = localClients(endpointsFromEnv(stack.env));
      const { TableNames } = await clients.dynamodb.send(new ListTablesCommand({}));
      const { QueueUrls } = await clients.sqs.send(new ListQueuesCommand({}));
      clients.destroy();
      expect(TableNames).toEqual(expect.arrayContaining(Object.values(DEFAULT_TABLE_NAMES)));
      expect(QueueUrls).toHaveLength(COMMANDS.length * 2);
      expect(dynamoDbLocalPids(dynamoPort)).toHaveLength(1);
    } finally {
      await stack.stop();
    }

    expect(stack.child.exitCode).toBe(0);
    expect(dynamoDbLocalPids(dynamoPort)).toEqual([]);
    expect(await isListening(dynamoPort)).toBe(false);
    expect(await isListening(snsSqsPort)).toBe(false);
  });

  it('stops by itself when the process that started it goes away (its stdin closes)', async () => {
    const stack = await spawnLocalStack({ args: ['--in-memory'] });
    const dynamoPort = portOf(stack.env.AWS_ENDPOINT_URL_DYNAMODB);

    stack.child.stdin?.end();

    expect(await exitOf(stack.child)).toEqual({ code: 0, signal: null });
    expect(dynamoDbLocalPids(dynamoPort)).toEqual([]);
  });

  it('exits non-zero, saying why, when DynamoDB Local dies under it', async () => {
    const stack = await spawnLocalStack({ args: ['--in-memory'] });
    let stderr = '';
    stack.child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

    for (const pid of dynamoDbLocalPids(portOf(stack.env.AWS_ENDPOINT_URL_DYNAMODB))) process.kill(pid, 'SIGKILL');

    expect(await exitOf(stack.child)).toEqual({ code: 1, signal: null });
    expect(stderr).toContain('local-stack: DynamoDB Local exited (SIGKILL)');
  });

  it('explains that DynamoDB Local needs a Java 17+ runtime when java is missing', async () => {
    // Only the pinned Node's folder on PATH: tsx and Node run, java is nowhere.
    const withoutJava = { ...process.env, PATH: dirname(process.execPath) };

    const failure = spawnLocalStack({ args: ['--in-memory'], env: withoutJava });

    await expect(failure).rejects.toBeInstanceOf(LocalStackSpawnError);
    await expect(failure).rejects.toThrow(/exited before it was ready \(code 1\)/);
    await expect(failure).rejects.toThrow(
      /local-stack: failed to start: DynamoDB Local needs a Java 17\+ runtime: `java` was not found on PATH\. Install one/,
    );
  });
});
