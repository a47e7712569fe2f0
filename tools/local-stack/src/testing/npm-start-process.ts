import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { AppExit } from '../system/app-process';
import { notYet, waitUntil } from '../wait-until';
import { findWorkspaceRoot, withOwnNodeFirst } from '../workspace';

/**
 * What `npm start` runs (package.json): the launcher that runs `start.ts` from its bundle, building it
 * first when a source changed.
 */
export const NPM_START_LAUNCHER = join('tools', 'local-stack', 'bin', 'start.cjs');

/** `npm start` ({@link NPM_START_LAUNCHER}) running as a child process, for tests of it. */
export interface NpmStartProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the whole output once it matches `pattern`; rejects if it exits first or after `timeoutMs` (default none). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when it has exited. */
  exited: Promise<AppExit>;
  /** Sends `signal` (default SIGINT, as Ctrl-C), SIGKILL after 20 s, and resolves once it has exited; harmless once it has. */
  stop(signal?: NodeJS.Signals): Promise<AppExit>;
}

/** How long a stopping `npm start` gets before it is killed: it stops every app, then the JVM. */
const STOP_GRACE_MS = 20_000;

/**
 * Runs what `npm start` runs ({@link NPM_START_LAUNCHER}) with `args` (say `--in-memory`) and the
 * caller's environment plus `env`, as one process, its stdin a pipe so it stops when the test process
 * goes away.
 *
 * @example
 * ```ts
 * const run = spawnNpmStart(['--in-memory'], { PORT: '4000' });
 * await run.waitFor(/Ctrl-C stops everything/);
 * expect((await run.stop()).code).toBe(0);
 * ```
 */
export function spawnNpmStart(args: readonly string[], env: NodeJS.ProcessEnv = {}): NpmStartProcess {
  const root = findWorkspaceRoot();
  const child = spawn(process.execPath, [join(root, NPM_START_LAUNCHER), ...args], {
    cwd: root,
    env: withOwnNodeFirst({ ...process.env, ...env }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<AppExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  const over = (): boolean => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    output: () => text,
    waitFor: (pattern, timeoutMs = Number.POSITIVE_INFINITY) =>
      waitUntil(async () => (pattern.test(text) ? text : notYet(`npm start printed no ${pattern}:\n${text}`)), {
        timeoutMs,
        intervalMs: 100,
        gaveUp: () => (over() ? `npm start exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${text}` : undefined),
      }),
    exited,
    stop: async (signal = 'SIGINT') => {
      if (over()) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
        child.stdin?.destroy();
      }
    },
  };
}
