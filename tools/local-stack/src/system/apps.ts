import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { backgroundApps } from '@inventario/events';

/** The one process `npm start` runs every background app in (see `tools/local-stack/src/workers/main.ts`). */
export const WORKERS_HOST = 'workers';

/** One process of the running system. */
export interface AppSpec {
  /** The Nx project name, used to prefix its output. */
  name: string;
  /** Its entry point (`apps/<name>/src/main.ts`), run with tsx unless it has a `bundle`. */
  entry: string;
  /** Its prebuilt bundle (`<bundlesDir>/<name>/main.js`), run with node; see `buildLocalBundles`. */
  bundle?: string;
  /** True for the HTTP gateway (which gets `PORT`). */
  http: boolean;
}

/**
 * The processes of the system: the gateway, then one SQS worker per catalogue entry and the
 * reservations sweeper (`backgroundApps`), each `apps/<name>/src/main.ts` under `appsRoot` (the
 * workspace root, or a folder of stand-ins in tests), or, given `bundlesDir`, the prebuilt
 * `<bundlesDir>/<name>/main.js` of each.
 *
 * With `bundlesDir` and `oneWorkersProcess` (what `npm start` runs), the background apps share one
 * process, {@link WORKERS_HOST}: each runs as in its own, and the start is seconds shorter on two cores.
 * Tests that kill one consumer at a time run one process per app.
 *
 * @example
 * ```ts
 * systemApps(root).map((app) => app.name); // ['gateway', 'orden-compra', 'movimiento-inventario', ...]
 * systemApps(root, { bundlesDir, oneWorkersProcess: true }).map((app) => app.name); // ['gateway', 'workers']
 * ```
 */
export function systemApps(appsRoot: string, options: { bundlesDir?: string; oneWorkersProcess?: boolean } = {}): AppSpec[] {
  const app = (name: string, http: boolean, entry = join(appsRoot, 'apps', name, 'src', 'main.ts')): AppSpec => ({
    name,
    entry,
    http,
    ...(options.bundlesDir !== undefined && { bundle: join(options.bundlesDir, name, 'main.js') }),
  });
  if (options.bundlesDir !== undefined && options.oneWorkersProcess) {
    return [app('gateway', true), app(WORKERS_HOST, false, join(appsRoot, WORKERS_ENTRY))];
  }
  return [app('gateway', true), ...backgroundApps().map((name) => app(name, false))];
}

/** The workers host's entry point, relative to the workspace root. */
export const WORKERS_ENTRY = join('tools', 'local-stack', 'src', 'workers', 'main.ts');

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
