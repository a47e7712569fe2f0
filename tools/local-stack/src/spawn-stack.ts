import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LocalStackSpawnError } from './errors';
import { OutputTail } from './output-tail';
import { parseReadyLine } from './ready-line';
import { findWorkspaceRoot, withOwnNodeFirst } from './workspace';

/** Options of {@link spawnLocalStack}. */
export interface SpawnLocalStackOptions {
  /** Arguments for `cli.ts`; default `['--in-memory']`. */
  args?: string[];
  /** The child's environment; default this process's. */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the ready line; default 60 s. */
  timeoutMs?: number;
}

/** The local stack running in a child process. */
export interface SpawnedLocalStack {
  /** The environment from its ready line. */
  env: Record<string, string>;
  /** The `tsx cli.ts` process. */
  child: ChildProcess;
  /** Asks it to stop (SIGTERM), resolves once it has exited; calling it again is harmless. */
  stop(): Promise<void>;
}

/** How long a stopping stack gets before it is killed outright. */
const STOP_GRACE_MS = 20_000;

/**
 * Runs `cli.ts` in a child process with stdin held open (so it stops if this process dies) and resolves
 * with the environment of its ready line. This is how Jest reaches the stack: fauxqs is ESM-only, so it
 * never loads in Jest itself.
 *
 * @throws LocalStackSpawnError when the child exits or stays silent past the time-out, with its stderr tail.
 *
 * @example
 * ```ts
 * const stack = await spawnLocalStack();
 * Object.assign(process.env, stack.env);
 * await stack.stop();
 * ```
 */
export function spawnLocalStack(options: SpawnLocalStackOptions = {}): Promise<SpawnedLocalStack> {
  const root = findWorkspaceRoot();
  const timeoutMs = options.timeoutMs ?? 60_000;
  // One process (tsx as a loader, not its CLI wrapper): its exit then means the stack, JVM included, is
  // down, so a caller that awaits stop() and exits right after (a Jest teardown) never orphans the JVM.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tools/local-stack/src/cli.ts'), ...(options.args ?? ['--in-memory'])], {
    cwd: root,
    env: withOwnNodeFirst(options.env ?? process.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr = new OutputTail(30);
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      child.stdin?.destroy();
    })());

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (reason: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void stop().then(() => {
        const tail = stderr.text();
        reject(new LocalStackSpawnError(`The local stack ${reason}${tail === '' ? '' : `; its stderr:\n${tail}`}`));
      });
    };
    const timer = setTimeout(() => fail(`did not report ready within ${Math.round(timeoutMs / 1000)} s`), timeoutMs);
    child.once('error', (error) => fail(`could not be spawned (${error.message})`));
    void exited.then(({ code, signal }) => fail(`exited before it was ready (${signal ?? `code ${code}`})`));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const env = parseReadyLine(line);
      if (!env || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ env, child, stop });
    });
  });
}
