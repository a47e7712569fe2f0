import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * What a running `npm start` leaves on disk so tools on the same machine (the `inv` CLI) find its
 * emulators without being told: the stack's environment, the gateway's port and the owner's pid (a file
 * whose pid is gone was left by a killed run and means nothing).
 */
export interface StackState {
  pid: number;
  /** The gateway's port: one file per running system, so two systems (or a test run) never collide. */
  port: number;
  startedAt: string;
  /** The stack environment (`AWS_ENDPOINT_URL_*`, `INVENTARIO_RESOURCES`, `TABLE_*`, region, credentials). */
  env: Record<string, string>;
}

/**
 * Where the system whose gateway listens on `port` keeps its state file: `<workspace>/.data/local-stack-<port>.json`.
 *
 * @example
 * ```ts
 * stackStatePath('/home/me/inventario', 3000); // '/home/me/inventario/.data/local-stack-3000.json'
 * ```
 */
export function stackStatePath(workspaceRoot: string, port: number): string {
  return join(workspaceRoot, '.data', `local-stack-${port}.json`);
}

/**
 * Writes the state file in one step (a reader never sees half of it), readable by its owner only: it
 * names local endpoints and dummy credentials, never a signing key.
 *
 * @example
 * ```ts
 * writeStackState(path, { pid: process.pid, port: 3000, startedAt: new Date().toISOString(), env: stack.env });
 * ```
 */
export function writeStackState(path: string, state: StackState): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${state.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, path);
}

/**
 * Removes the state file if it is still the one `pid` wrote; a file another run has written since is left alone.
 *
 * @example
 * ```ts
 * removeStackState(path, process.pid); // on a clean stop
 * ```
 */
export function removeStackState(path: string, pid: number): void {
  let owner: unknown;
  try {
    owner = (JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown }).pid;
  } catch {
    return;
  }
  if (owner === pid) rmSync(path, { force: true });
}
