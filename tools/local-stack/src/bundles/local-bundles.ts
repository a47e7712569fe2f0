import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backgroundApps } from '@inventario/events';
import { WORKERS_ENTRY, WORKERS_HOST } from '../system/apps';
import { withOwnNodeFirst } from '../workspace';

/** Where `bundle-apps` writes, relative to the workspace root. */
export const LOCAL_BUNDLES_DIR = join('dist', 'local-apps');

/** The apps `npm start` can run: the gateway, one consumer per catalogue entry, the sweeper, and the host of all but the gateway. */
export function localBundleApps(): string[] {
  return ['gateway', ...backgroundApps(), WORKERS_HOST];
}

/** Where each bundle is built from, relative to the workspace root: `apps/<name>/src/main.ts`, or the workers host's entry. */
export function localBundleEntry(app: string): string {
  return app === WORKERS_HOST ? WORKERS_ENTRY : join('apps', app, 'src', 'main.ts');
}

/** The folder holding `<app>/main.js` for each app. */
export function localBundlesDir(workspaceRoot: string): string {
  return join(workspaceRoot, LOCAL_BUNDLES_DIR);
}

/**
 * True when every app's bundle exists and is newer than every source it is built from (the apps' and
 * libs' `src`, the libs' manifests, `tsconfig.base.json`, `package-lock.json`): a few hundred `stat` calls, against the
 * second or two Nx needs to hash the workspace, which on 2 cores would slow DynamoDB Local's start.
 * Conservative: a touched file counts as changed, and then Nx decides (and usually restores from cache).
 */
export function bundlesAreFresh(workspaceRoot: string): boolean {
  const bundles = localBundleApps().map((app) => join(localBundlesDir(workspaceRoot), app, 'main.js'));
  if (!bundles.every((bundle) => existsSync(bundle))) return false;
  const oldestBundle = Math.min(...bundles.map((bundle) => statSync(bundle).mtimeMs));
  const sources = [
    ...['apps', 'libs'].flatMap((kind) => readdirSync(join(workspaceRoot, kind)).map((name) => join(workspaceRoot, kind, name, 'src'))),
    join(workspaceRoot, 'tools', 'local-stack', 'src', 'bundles'),
    join(workspaceRoot, 'tools', 'local-stack', 'src', 'workers'),
  ];
  const files = [
    join(workspaceRoot, 'tsconfig.base.json'),
    join(workspaceRoot, 'package-lock.json'),
    join(workspaceRoot, 'tools', 'local-stack', 'src', 'system', 'apps.ts'),
    join(workspaceRoot, 'tools', 'local-stack', 'bin', 'bundle-options.cjs'),
    // A lib's `sideEffects` decides which of its modules a bundle leaves out.
    ...readdirSync(join(workspaceRoot, 'libs')).map((lib) => join(workspaceRoot, 'libs', lib, 'package.json')),
  ];
  return newestMtime(sources, files) < oldestBundle;
}

function newestMtime(folders: readonly string[], files: readonly string[]): number {
  let newest = Math.max(0, ...files.filter((file) => existsSync(file)).map((file) => statSync(file).mtimeMs));
  const pending = folders.filter((folder) => existsSync(folder));
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/**
 * Builds the apps' local bundles through Nx (`nx run local-stack:bundle-apps`), which restores them from
 * its cache, or leaves them as they are, when no source changed; does not even ask Nx when
 * {@link bundlesAreFresh}.
 *
 * @throws Error with Nx's last output lines when the build fails.
 *
 * @example
 * ```ts
 * await buildLocalBundles(root); // then run `node dist/local-apps/gateway/main.js`
 * ```
 */
export function buildLocalBundles(workspaceRoot: string): Promise<void> {
  if (bundlesAreFresh(workspaceRoot)) return Promise.resolve();
  const nx = join(workspaceRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'nx.cmd' : 'nx');
  return new Promise((resolve, reject) => {
    const child = spawn(nx, ['run', 'local-stack:bundle-apps', '--outputStyle=static'], {
      cwd: workspaceRoot,
      env: withOwnNodeFirst({ ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`building the apps failed (nx exit ${code}):\n${output.trim()}`))));
  });
}
