import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/**
 * The Nx workspace root: the nearest folder, from `start` up, holding `nx.json`.
 *
 * @example
 * ```ts
 * findWorkspaceRoot(); // '/home/me/inventario'
 * ```
 */
export function findWorkspaceRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No nx.json above ${start}: not inside the workspace`);
  }
}

/**
 * The workspace's own `tsx` (which runs TypeScript on the pinned Node), to spawn apps and the stack with.
 *
 * @example
 * ```ts
 * spawn(tsxBin(root), [join(root, 'apps/gateway/src/main.ts')], { cwd: root });
 * ```
 */
export function tsxBin(workspaceRoot: string = findWorkspaceRoot()): string {
  return join(workspaceRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
}

/**
 * Where `npm start` and `cli.ts` keep data unless told otherwise: `<workspace>/.data` (git-ignored).
 *
 * @example
 * ```ts
 * await startLocalStack({ dataDir: defaultDataDir() });
 * ```
 */
export function defaultDataDir(workspaceRoot: string = findWorkspaceRoot()): string {
  return join(workspaceRoot, '.data');
}

/**
 * The environment with this process's Node first on PATH, so a spawned `tsx` (whose shebang is
 * `/usr/bin/env node`) runs on the same, pinned, Node and not on whatever the system has.
 *
 * @example
 * ```ts
 * spawn(tsxBin(root), [entry], { env: withOwnNodeFirst(process.env) });
 * ```
 */
export function withOwnNodeFirst(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const path = env.PATH ?? env.Path ?? '';
  return { ...env, PATH: path === '' ? dirname(process.execPath) : `${dirname(process.execPath)}${delimiter}${path}` };
}
