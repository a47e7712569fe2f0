import { join } from 'node:path';
import type { Resources } from '@inventario/events';
import { DEFAULT_TABLE_NAMES } from '@inventario/inventory-core';
import { localClients } from './clients';
import { startDynamoDb } from './emulators/dynamodb';
import { startSnsSqs } from './emulators/sns-sqs';
import { provision } from './provision';
import { stackEnv } from './stack-env';
import type { RunningEmulator } from './types';

/** Options of {@link startLocalStack}. */
export interface LocalStackOptions {
  /** Where to keep data across restarts (`<dataDir>/dynamodb`, `<dataDir>/sns-sqs`); in memory when undefined. */
  dataDir?: string;
  /** Keep only DynamoDB's data in `dataDir`, the queues in memory (a chaos run restarts DynamoDB Local alone). */
  queuesInMemory?: boolean;
}

/** A running local stack. */
export interface LocalStack {
  /** What every app needs in its environment (see `stackEnv`). */
  env: Record<string, string>;
  /** Topic ARNs and queue URLs by name, as in `INVENTARIO_RESOURCES`. */
  resources: Resources;
  /**
   * Stops DynamoDB Local and starts it again on the same port, so the apps' endpoint stays right; its
   * data survives when the stack has a `dataDir`.
   */
  restartDynamoDb(): Promise<void>;
  /** Stops both emulators and resolves once they are gone; calling it again is harmless. */
  stop(): Promise<void>;
  /** Resolves, with what happened, if an emulator dies on its own (say, the JVM is killed). */
  unexpectedExit: Promise<string>;
}

/**
 * Starts DynamoDB Local and the SNS/SQS emulator side by side on free ports, provisions everything the
 * catalogue describes under the default table names, and returns the apps' environment.
 *
 * @throws JavaRuntimeMissingError, EmulatorStartError; whatever did start is stopped first.
 *
 * @example
 * ```ts
 * const stack = await startLocalStack({ dataDir: '.data' });
 * spawn('tsx', ['apps/gateway/src/main.ts'], { env: { ...process.env, ...stack.env } });
 * await stack.stop();
 * ```
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const { dataDir } = options;
  const dynamoDbOptions = dataDir === undefined ? {} : { dataDir: join(dataDir, 'dynamodb') };
  const started = await Promise.allSettled([
    startDynamoDb(dynamoDbOptions),
    startSnsSqs(dataDir === undefined || options.queuesInMemory ? {} : { dataDir: join(dataDir, 'sns-sqs') }),
  ]);
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= stopAll(running));

  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }
  const [dynamodb, snsSqs] = running as [RunningEmulator, RunningEmulator];
  const endpoints = { dynamodb: dynamodb.endpoint, sns: snsSqs.endpoint, sqs: snsSqs.endpoint };
  const clients = localClients(endpoints);
  let died: (reason: string) => void = () => undefined;
  const unexpectedExit = new Promise<string>((resolve) => (died = resolve));
  void snsSqs.unexpectedExit.then(died);
  void dynamodb.unexpectedExit.then(died);
  try {
    const resources = await provision({ ...clients, tables: DEFAULT_TABLE_NAMES });
    return {
      env: stackEnv(endpoints, resources, DEFAULT_TABLE_NAMES),
      resources,
      restartDynamoDb: async () => {
        const port = Number(new URL(endpoints.dynamodb).port);
        await (running[0] as RunningEmulator).stop();
        const restarted = await startDynamoDb({ ...dynamoDbOptions, port });
        running[0] = restarted;
        void restarted.unexpectedExit.then(died);
      },
      stop,
      unexpectedExit,
    };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clients.destroy();
  }
}

async function stopAll(emulators: RunningEmulator[]): Promise<void> {
  const results = await Promise.allSettled(emulators.map((emulator) => emulator.stop()));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}
