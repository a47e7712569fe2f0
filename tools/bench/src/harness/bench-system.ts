import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Resources } from '@inventario/events';
import { DEFAULT_TABLE_NAMES } from '@inventario/inventory-core';
import {
  buildLocalBundles,
  findFreePort,
  localBundlesDir,
  findWorkspaceRoot,
  localClients,
  provision,
  spawnApp,
  stackEnv,
  startDynamoDb,
  startSnsSqs,
  systemApps,
  tsxBin,
  waitForHealth,
  withOwnNodeFirst,
  type AppProcess,
  type AppSpec,
  type LocalClients,
  type RunningEmulator,
} from '@inventario/local-stack';
import { LineTail } from './line-tail';

/** Options of {@link startBenchSystem}. */
export interface BenchSystemOptions {
  /** The signing key the gateway and consumers use. */
  key: string;
  /** Keep DynamoDB Local's data here (so it survives a restart); in memory when undefined. */
  dataDir?: string;
  /** Extra environment for every app, e.g. `WORKER_CONCURRENCY`. */
  appEnv?: Record<string, string>;
  /** Write each app's whole output to `<logDir>/<app>.log`, to look into a failed run. */
  logDir?: string;
}

/** The local stack plus the gateway and the four consumers, each its own process group. */
export interface BenchSystem {
  /** The gateway's base URL. */
  url: string;
  /** What the apps run with (stack endpoints, resources, tables). */
  env: Record<string, string>;
  resources: Resources;
  /** Clients of the emulators, for baselines and checks. */
  clients: LocalClients;
  /** The consumer apps' names. */
  consumers: readonly string[];
  /** SIGKILLs an app (its whole process group): a crash. */
  kill(app: string): Promise<void>;
  /** Starts an app again and waits until it is ready. */
  start(app: string): Promise<void>;
  /** Stops DynamoDB Local and starts it again on the same port with the same data. */
  restartDynamoDb(): Promise<void>;
  /** The last lines an app printed, to explain a failure. */
  tail(app: string): string;
  /** Calls `listener` with every line `app` prints from now on, until the returned function is called. */
  onLine(app: string, listener: (line: string) => void): () => void;
  /** Stops every app, then the emulators. */
  stop(): Promise<void>;
}

/** How long an app may take to say it is ready. */
const READY_TIMEOUT_MS = 60_000;

/**
 * Starts DynamoDB Local on a fixed free port (so it can be restarted where the apps expect it), the
 * SNS/SQS emulator in this process, provisions both from the catalogue, then the gateway and one
 * process per consumer from their prebuilt bundles, as `npm start` does, and waits until all are ready.
 *
 * @example
 * ```ts
 * const system = await startBenchSystem({ key: 'bench-key' });
 * await fetch(`${system.url}/health`);
 * await system.stop();
 * ```
 */
export async function startBenchSystem(options: BenchSystemOptions): Promise<BenchSystem> {
  const root = findWorkspaceRoot();
  await buildLocalBundles(root);
  const dynamoPort = await findFreePort();
  const dynamoDir = options.dataDir === undefined ? undefined : join(options.dataDir, 'dynamodb');
  const startDynamo = (): Promise<RunningEmulator> =>
    startDynamoDb(dynamoDir === undefined ? { port: dynamoPort } : { port: dynamoPort, dataDir: dynamoDir });
  let dynamodb = await startDynamo();
  const snsSqs = await startSnsSqs();
  const endpoints = { dynamodb: dynamodb.endpoint, sns: snsSqs.endpoint, sqs: snsSqs.endpoint };
  const clients = localClients(endpoints);
  const resources = await provision({ ...clients, tables: DEFAULT_TABLE_NAMES });
  const env = stackEnv(endpoints, resources, DEFAULT_TABLE_NAMES);
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const appsEnv: NodeJS.ProcessEnv = withOwnNodeFirst({ ...process.env, ...env, ...options.appEnv, SIGNATURE_SECRET: options.key, STAGE: 'dev' });
  const specs = new Map<string, AppSpec>(systemApps(root, { bundlesDir: localBundlesDir(root) }).map((spec) => [spec.name, spec]));
  const running = new Map<string, AppProcess>();
  const tails = new Map<string, LineTail>();
  const logs = new Map<string, WriteStream>();
  const lineListeners = new Map<string, Set<(line: string) => void>>();

  const start = async (name: string): Promise<void> => {
    const spec = specs.get(name);
    if (!spec) throw new Error(`no app named ${name}`);
    const tail = tails.get(name) ?? new LineTail(40);
    tails.set(name, tail);
    const log = options.logDir === undefined ? undefined : (logs.get(name) ?? createWriteStream(join(options.logDir, `${name}.log`), { flags: 'a' }));
    if (log) logs.set(name, log);
    let ready: () => void = () => undefined;
    const readyLine = new Promise<void>((resolve) => (ready = resolve));
    const app = spawnApp(spec, {
      tsx: tsxBin(root),
      cwd: root,
      env: spec.http ? { ...appsEnv, PORT: String(port) } : appsEnv,
      prefixWidth: 0,
      writeLine: (line) => {
        tail.push(line);
        log?.write(`${line}\n`);
        for (const listener of lineListeners.get(name) ?? []) listener(line);
        if (line.includes('Consumer started')) ready();
      },
    });
    running.set(name, app);
    const exited = app.exited.then((exit) => {
      throw new Error(`${name} exited before it was ready (${exit.signal ?? exit.code}):\n${tail.text()}`);
    });
    const readiness = spec.http ? waitForHealth(url, { timeoutMs: READY_TIMEOUT_MS }) : withTimeout(readyLine, READY_TIMEOUT_MS, `${name} not ready`);
    await Promise.race([readiness, exited]);
    exited.catch(() => undefined);
  };

  const stopApps = async (): Promise<void> => {
    await Promise.all([...running.values()].map((app) => app.stop()));
  };
  const killOnExit = (): void => {
    for (const app of running.values()) void app.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  try {
    await Promise.all([...specs.keys()].map(start));
  } catch (error) {
    await stopApps();
    await Promise.allSettled([dynamodb.stop(), snsSqs.stop()]);
    throw error;
  }

  return {
    url,
    env,
    resources,
    clients,
    consumers: [...specs.values()].filter((spec) => !spec.http).map((spec) => spec.name),
    kill: async (name) => {
      await running.get(name)?.kill('SIGKILL');
    },
    start,
    restartDynamoDb: async () => {
      await dynamodb.stop();
      dynamodb = await startDynamo();
    },
    tail: (name) => tails.get(name)?.text() ?? '',
    onLine: (name, listener) => {
      const listeners = lineListeners.get(name) ?? new Set();
      lineListeners.set(name, listeners);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopApps();
      for (const log of logs.values()) log.end();
      clients.destroy();
      await Promise.allSettled([dynamodb.stop(), snsSqs.stop()]);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
