import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { backgroundApps } from '@inventario/events';

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
 * The processes `npm start` runs: the gateway, then one SQS worker per catalogue entry and the
 * reservations sweeper (`backgroundApps`), each
 * `apps/<name>/src/main.ts` under `appsRoot` (the workspace root, or a folder of stand-ins in tests),
 * or, given `bundlesDir`, the prebuilt `<bundlesDir>/<name>/main.js` of each.
 *
 * @example
 * ```ts
 * systemApps(root).map((app) => app.name); // ['gateway', 'orden-compra', 'movimiento-inventario', ...]
 * ```
 */
export function systemApps(appsRoot: string, options: { bundlesDir?: string } = {}): AppSpec[] {
  const app = (name: string, http: boolean): AppSpec => ({
    name,
    entry: join(appsRoot, 'apps', name, 'src', 'main.ts'),
    http,
    ...(options.bundlesDir !== undefined && { bundle: join(options.bundlesDir, name, 'main.js') }),
  });
  return [app('gateway', true), ...backgroundApps().map((name) => app(name, false))];
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
