import path from 'node:path';
import { findFreePort, startSystem as startApps, systemApps, type SystemHandle } from '@inventario/local-stack';

const WORKSPACE = path.resolve(__dirname, '../../../..');

/** The gateway and the four consumers, each its own process from its TypeScript entry, against the emulators of the global setup. */
export interface RunningSystem extends SystemHandle {
  /** Everything the processes printed, by app. */
  logs: Map<string, string[]>;
}

export interface SystemOptions {
  key: string;
  env?: Record<string, string>;
}

/** Starts the system with the tests' key and waits until every app is ready (see `startSystem` in local-stack). */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const logs = new Map<string, string[]>();
  const system = await startApps({
    apps: systemApps(WORKSPACE),
    env: { ...process.env, ...options.env, SIGNATURE_SECRET: options.key, STAGE: 'dev' },
    port: await findFreePort(),
    cwd: WORKSPACE,
    onLine: (app, line) => {
      const lines = logs.get(app) ?? [];
      logs.set(app, lines);
      lines.push(line);
    },
  });
  return Object.assign(system, { logs });
}
