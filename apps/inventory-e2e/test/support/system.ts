import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { COMMANDS } from '@inventario/events';
import { findFreePort } from '@inventario/local-stack';


const WORKSPACE = path.resolve(__dirname, '../../../..');

export const CONSUMER_APPS = COMMANDS.map((entry) => entry.app);

/** The gateway and the four consumers, each its own process, against the emulators of the global setup. */
export interface RunningSystem {
  url: string;
  /** Everything the processes printed, by app. */
  logs: Map<string, string[]>;
  kill(app: string, signal?: NodeJS.Signals): Promise<void>;
  start(app: string): Promise<void>;
  stop(): Promise<void>;
}

export interface SystemOptions {
  key: string;
  env?: Record<string, string>;
}

export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const port = await findFreePort();
  const env = { ...process.env, ...options.env, PORT: String(port), SIGNATURE_SECRET: options.key, STAGE: 'dev' };
  const children = new Map<string, ChildProcess>();
  const logs = new Map<string, string[]>();
  const url = `http://127.0.0.1:${port}`;

  const start = async (app: string) => {
    // One process per app (tsx as a loader, not its CLI wrapper), so a kill reaches the app itself.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(WORKSPACE, 'apps', app, 'src/main.ts')], {
      cwd: WORKSPACE,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.set(app, child);
    const lines = logs.get(app) ?? [];
    logs.set(app, lines);
    const ready = waitForReady(app, child, lines, url);
    await ready;
  };
  const kill = async (app: string, signal: NodeJS.Signals = 'SIGKILL') => {
    const child = children.get(app);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  };
  const stop = async () => {
    await Promise.all([...children.keys()].map((app) => stopGracefully(children.get(app))));
  };

  try {
    await Promise.all(['gateway', ...CONSUMER_APPS].map(start));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, logs, kill, start, stop };
}

async function stopGracefully(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

function waitForReady(app: string, child: ChildProcess, lines: string[], url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim() === '') continue;
        lines.push(line);
        if (app !== 'gateway' && line.includes('Consumer started')) settle();
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code, signal) => settle(new Error(`${app} exited (${code ?? signal}) before it was ready:\n${lines.slice(-20).join('\n')}`)));
    const timer = setTimeout(() => settle(new Error(`${app} not ready in 60 s:\n${lines.slice(-20).join('\n')}`)), 60_000);
    if (app === 'gateway') void pollHealth(url, () => settled).then(() => settle());
  });
}

async function pollHealth(url: string, stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
