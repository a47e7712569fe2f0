import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { AppReadyMessage } from '@inventario/events';
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
  /** Whether it has exited yet. */
  hasExited(): boolean;
  /**
   * Resolves when the app says, over its IPC channel, that it is ready (a consumer, see
   * `runLocalConsumer`); never for an app spawned without one (the gateway, which answers `/health`).
   */
  announcedReady: Promise<void>;
  /** Asks the app to stop (SIGTERM to its process group), kills it after a grace period, resolves on exit. */
  stop(): Promise<AppExit>;
  /** Sends `signal` to its whole process group at once (SIGKILL: a crash, for chaos runs), resolves on exit. */
  kill(signal: NodeJS.Signals): Promise<AppExit>;
  /** Sends `signal` to its whole process group and returns at once (SIGSTOP and SIGCONT: a frozen app). */
  signal(signal: NodeJS.Signals): void;
}

/** How long an app gets to finish after SIGTERM before it is killed. */
const STOP_GRACE_MS = 10_000;

/**
 * Runs an app, its bundle or its TypeScript entry (through the workspace's tsx as a loader, so the app is
 * the process itself and a signal reaches it), in its own process group (so whatever it starts goes with
 * it), handing each output line to `onLine`. A consumer gets an IPC channel to announce it is ready on;
 * the gateway, whose readiness is its `/health` answer, needs none. (A child's open channel does not keep
 * it alive, so an app that fails still exits.)
 *
 * @example
 * ```ts
 * const app = spawnApp(spec, { cwd: root, env, onLine: (line) => console.log(`${spec.name} | ${line}`) });
 * await app.stop();
 * ```
 */
export function spawnApp(spec: AppSpec, options: { cwd: string; env: NodeJS.ProcessEnv; onLine: (line: string) => void }): AppProcess {
  const args = spec.bundle === undefined ? ['--import', 'tsx', spec.entry] : ['--enable-source-maps', spec.bundle];
  const stdio: StdioOptions = spec.http ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'pipe', 'pipe', 'ipc'];
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio, detached: true });
  const relay = (stream: Readable | null): void => {
    if (stream) createInterface({ input: stream }).on('line', options.onLine);
  };
  relay(child.stdout);
  relay(child.stderr);
  let over = false;
  const exited = new Promise<AppExit>((resolve) => {
    // 'close', not 'exit': the process has exited and its output has been read to the end, so a crash's
    // last lines (its error) are in the tail that reports it. 'exit' may come before them.
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      options.onLine(`could not be started: ${error.message}`);
      resolve({ code: null, signal: null });
    });
  });
  void exited.then(() => (over = true));
  const announcedReady = new Promise<void>((resolve) => {
    child.on('message', (message: Partial<AppReadyMessage>) => {
      if (message.kind === 'ready') resolve();
    });
  });
  let stopping: Promise<AppExit> | undefined;
  return {
    name: spec.name,
    exited,
    hasExited: () => over,
    announcedReady,
    stop: () => (stopping ??= stopGroup(child, exited)),
    kill: (signal) => {
      signalGroup(child, signal);
      return exited;
    },
    signal: (signal) => signalGroup(child, signal),
  };
}

async function stopGroup(child: ChildProcess, exited: Promise<AppExit>): Promise<AppExit> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return exited;
  signalGroup(child, 'SIGTERM');
  // A frozen app (SIGSTOP) acts on its SIGTERM only once it runs again.
  signalGroup(child, 'SIGCONT');
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
