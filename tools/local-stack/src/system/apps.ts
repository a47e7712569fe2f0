import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COMMANDS } from '@inventario/events';

/** One process of the running system. */
export interface AppSpec {
  /** The Nx project name, used to prefix its output. */
  name: string;
  /** Its entry point, run with tsx. */
  entry: string;
  /** True for the HTTP gateway (which gets `PORT`). */
  http: boolean;
}

/**
 * The processes `npm start` runs: the gateway, then one SQS worker per catalogue entry, each
 * `apps/<name>/src/main.ts` under `appsRoot` (the workspace root, or a folder of stand-ins in tests).
 *
 * @example
 * ```ts
 * systemApps(root).map((app) => app.name); // ['gateway', 'orden-compra', 'movimiento-inventario', ...]
 * ```
 */
export function systemApps(appsRoot: string): AppSpec[] {
  const entry = (name: string): string => join(appsRoot, 'apps', name, 'src', 'main.ts');
  return [
    { name: 'gateway', entry: entry('gateway'), http: true },
    ...COMMANDS.map((command) => ({ name: command.app, entry: entry(command.app), http: false })),
  ];
}

/**
 * The entry points that do not exist, as paths relative to `appsRoot`, to refuse to start with a clear
 * message rather than a crash.
 *
 * @example
 * ```ts
 * missingEntries(apps, root); // ['apps/orden-compra/src/main.ts']
 * ```
 */
export function missingEntries(apps: readonly AppSpec[], appsRoot: string): string[] {
  return apps.filter((app) => !existsSync(app.entry)).map((app) => relative(appsRoot, app.entry));
}
