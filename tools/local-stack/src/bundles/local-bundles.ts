import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { COMMANDS } from '@inventario/events';
import { withOwnNodeFirst } from '../workspace';

/** Where `bundle-apps` writes, relative to the workspace root. */
export const LOCAL_BUNDLES_DIR = join('dist', 'local-apps');

/** The apps `npm start` runs: the gateway and one consumer per catalogue entry. */
export function localBundleApps(): string[] {
  return ['gateway', ...COMMANDS.map((command) => command.app)];
}

/** The folder holding `<app>/main.js` for each app. */
export function localBundlesDir(workspaceRoot: string): string {
  return join(workspaceRoot, LOCAL_BUNDLES_DIR);
}

/**
 * Builds the apps' local bundles through Nx (`nx run local-stack:bundle-apps`), which restores them from
 * its cache, or leaves them as they are, when no source changed.
 *
 * @throws Error with Nx's last output lines when the build fails.
 *
 * @example
 * ```ts
 * await buildLocalBundles(root); // then run `node dist/local-apps/gateway/main.js`
 * ```
 */
export function buildLocalBundles(workspaceRoot: string): Promise<void> {
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
