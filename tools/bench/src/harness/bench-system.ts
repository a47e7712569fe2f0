import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Resources } from '@inventario/events';
import {
  buildLocalBundles,
  endpointsFromEnv,
  findFreePort,
  findWorkspaceRoot,
  localBundlesDir,
  localClients,
  startLocalStack,
  startSystem,
  systemApps,
  type LocalClients,
  type SystemHandle,
} from '@inventario/local-stack';

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

/** The local stack plus the gateway and the four consumers (the harness of local-stack), with what the bench reads besides. */
export interface BenchSystem extends SystemHandle {
  /** What the apps run with (stack endpoints, resources, tables). */
  env: Record<string, string>;
  resources: Resources;
  /** Clients of the emulators, for baselines and checks. */
  clients: LocalClients;
  /** Stops DynamoDB Local and starts it again on the same port with the same data. */
  restartDynamoDb(): Promise<void>;
  /** Calls `listener` with every line `app` prints from now on, until the returned function is called. */
  onLine(app: string, listener: (line: string) => void): () => void;
}

/**
 * Starts the local stack (DynamoDB Local's data in `dataDir`, queues in memory), then the gateway and one
 * process per consumer from their prebuilt bundles, as `npm start` does, and waits until all are ready.
 * `stop()` stops the apps, then the emulators.
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
  // The folder may be new (`--logs /tmp/bench-logs`): a missing one would fail the run at the first line.
  if (options.logDir !== undefined) mkdirSync(options.logDir, { recursive: true });
  await buildLocalBundles(root);
  const stack = await startLocalStack({ ...(options.dataDir !== undefined && { dataDir: options.dataDir }), queuesInMemory: true });
  const clients = localClients(endpointsFromEnv(stack.env));
  const logs = new Map<string, WriteStream>();
  const lineListeners = new Map<string, Set<(line: string) => void>>();
  const logOf = (app: string): WriteStream | undefined => {
    if (options.logDir === undefined) return undefined;
    const log = logs.get(app) ?? createWriteStream(join(options.logDir, `${app}.log`), { flags: 'a' });
    logs.set(app, log);
    return log;
  };
  const release = async (): Promise<void> => {
    for (const log of logs.values()) log.end();
    clients.destroy();
    await stack.stop().catch(() => undefined);
  };

  let system: SystemHandle;
  try {
    system = await startSystem({
      apps: systemApps(root, { bundlesDir: localBundlesDir(root) }),
      env: { ...process.env, ...stack.env, ...options.appEnv, SIGNATURE_SECRET: options.key, STAGE: 'dev' },
      port: await findFreePort(),
      cwd: root,
      onLine: (app, line) => {
        logOf(app)?.write(`${line}\n`);
        for (const listener of lineListeners.get(app) ?? []) listener(line);
      },
    });
  } catch (error) {
    await release();
    throw error;
  }

  return {
    ...system,
    env: stack.env,
    resources: stack.resources,
    clients,
    restartDynamoDb: () => stack.restartDynamoDb(),
    onLine: (app, listener) => {
      const listeners = lineListeners.get(app) ?? new Set();
      lineListeners.set(app, listeners);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: async () => {
      const exits = await system.stop();
      await release();
      return exits;
    },
  };
}
