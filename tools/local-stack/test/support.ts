import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import type { Resources } from '@inventario/events';
import { backgroundApps, COMMANDS, RESOURCES_ENV } from '@inventario/events';

/** The resources named in an environment's `INVENTARIO_RESOURCES`. */
export function resourcesOf(env: NodeJS.ProcessEnv): Resources {
  return JSON.parse(env[RESOURCES_ENV] ?? '') as Resources;
}

/** The port of an endpoint URL such as `http://127.0.0.1:41233`. */
export function portOf(endpoint: string | undefined): number {
  return Number(new URL(endpoint ?? '').port);
}

/** Pids of DynamoDB Local JVMs listening on the given port. */
export function dynamoDbLocalPids(port: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return table
    .split('\n')
    .filter((line) => line.includes('DynamoDBLocal.jar') && new RegExp(`-port ${port}(\\s|$)`).test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves when the process has exited (immediately if it already has). */
export function exitOf(child: import('node:child_process').ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * A temporary folder of stand-ins for the apps, `apps/<app>/src/main.ts` with the given sources, for tests
 * about running the apps rather than the apps themselves.
 */
export async function writeStandInApps(prefix: string, sources: { gateway: string; consumer: string }): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const apps: [string, string][] = [['gateway', sources.gateway], ...backgroundApps().map((app): [string, string] => [app, sources.consumer])];
  for (const [app, source] of apps) {
    await mkdir(join(root, 'apps', app, 'src'), { recursive: true });
    await writeFile(join(root, 'apps', app, 'src', 'main.ts'), source);
  }
  return root;
}
