import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { AppSpec } from './apps';

/** How an app process ended. */
export interface AppExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running app. */
export interface AppProcess {
  name: string;
  /** Resolves when the process has exited. */
  exited: Promise<AppExit>;
  /** Asks the app to stop (SIGTERM to its process group), kills it after a grace period, resolves on exit. */
  stop(): Promise<AppExit>;
  /** Sends `signal` to its whole process group at once (SIGKILL: a crash, for chaos runs), resolves on exit. */
  kill(signal: NodeJS.Signals): Promise<AppExit>;
}

/** How long an app gets to finish after SIGTERM before it is killed. */
const STOP_GRACE_MS = 10_000;

/**
 * Runs an app (its bundle with this process's node, else its entry with the workspace's tsx) in its own process group (so the whole tree, tsx and node, is
 * stopped together and in order), writing each output line through `writeLine` prefixed by its name.
 *
 * @example
 * ```ts
 * const app = spawnApp(spec, { tsx, cwd: root, env, prefixWidth: 21, writeLine: (l) => console.log(l) });
 * await app.stop();
 * ```
 */
export function spawnApp(
  spec: AppSpec,
  options: { tsx: string; cwd: string; env: NodeJS.ProcessEnv; prefixWidth: number; writeLine: (line: string) => void },
): AppProcess {
  const [command, args] = spec.bundle === undefined ? [options.tsx, [spec.entry]] : [process.execPath, ['--enable-source-maps', spec.bundle]];
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = `${spec.name.padEnd(options.prefixWidth)} |`;
  const relay = (stream: Readable | null): void => {
    if (stream) createInterface({ input: stream }).on('line', (line) => options.writeLine(`${prefix} ${line}`));
  };
  relay(child.stdout);
  relay(child.stderr);
  const exited = new Promise<AppExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      options.writeLine(`${prefix} could not be started: ${error.message}`);
      resolve({ code: null, signal: null });
    });
  });
  let stopping: Promise<AppExit> | undefined;
  return {
    name: spec.name,
    exited,
    stop: () => (stopping ??= stopGroup(child, exited)),
    kill: (signal) => {
      signalGroup(child, signal);
      return exited;
    },
  };
}

async function stopGroup(child: ChildProcess, exited: Promise<AppExit>): Promise<AppExit> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return exited;
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_GRACE_MS);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
    // Anything the app left behind in its group goes with it.
    signalGroup(child, 'SIGKILL');
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}
