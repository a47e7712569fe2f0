import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** What a bundle returned, or how its process failed. */
export interface Invocation {
  status: number | null;
  result: unknown;
  stderr: string;
}

/** Invokes `dist/apps/<app>/<file>`'s `handler` in its own process with the given event and environment. */
export function invokeBundle(app: string, file: string, event: unknown, env: NodeJS.ProcessEnv): Invocation {
  const child = spawnSync(process.execPath, [join(__dirname, 'invoke-bundle.cjs'), join(ROOT, 'dist/apps', app, file), 'handler'], {
    input: JSON.stringify(event),
    encoding: 'utf8',
    timeout: 60_000,
    env,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
  });
  const result = child.status === 0 ? JSON.parse(String(child.output[3])) : undefined;
  return { status: child.status, result, stderr: `${child.stderr}${child.stdout}` };
}

/** The environment SST gives a linked function, as `SST_RESOURCE_<name>` variables (what `sst/resource` reads). */
export function sstLinkEnv(links: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(links).map(([name, value]) => [`SST_RESOURCE_${name}`, JSON.stringify(value)]));
}
