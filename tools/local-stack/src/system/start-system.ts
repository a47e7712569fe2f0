import { AppNotReadyError } from '../errors';
import { spawnApp, type AppExit, type AppProcess } from './app-process';
import type { AppSpec } from './apps';
import { LineTail } from './line-tail';
import { waitForHealth } from './wait-for-health';

/** Options of {@link launchSystem} and {@link startSystem}. */
export interface SystemOptions {
  /** The processes to run (see `systemApps`): the gateway and the consumers. */
  apps: readonly AppSpec[];
  /** Every app's environment, the stack's variables included; the gateway gets `PORT` on top, the others none. */
  env: NodeJS.ProcessEnv;
  /** The gateway's port. */
  port: number;
  /** The apps' working directory: the workspace root. */
  cwd: string;
  /** Host of {@link SystemHandle.url}; default `127.0.0.1`. */
  host?: string;
  /** Gets every line an app prints, as printed. */
  onLine?: (app: string, line: string) => void;
  /** Told of an app that exits when no `kill`, `restart` or `stop` asked it to: a crash. */
  onExit?: (app: string, exit: AppExit) => void;
  /** How long an app may take to be ready; default 60 s. */
  readyTimeoutMs?: number;
}

/** The running system: one process (group) per app. */
export interface SystemHandle {
  /** The gateway's base URL. */
  url: string;
  /** Every app's name, the gateway first. */
  apps: readonly string[];
  /** The consumers' names. */
  consumers: readonly string[];
  /**
   * Resolves once the app's current process is ready: the gateway when `GET /health` answers 200, a
   * consumer when it says so over its IPC channel (see `runLocalConsumer`).
   *
   * @throws AppNotReadyError when it exits first (`APP_EXITED`) or is not ready in time (`APP_READY_TIMEOUT`).
   */
  ready(app: string): Promise<void>;
  /** Sends `signal` (default SIGKILL: a crash) to the app's process group and resolves once it has exited. */
  kill(app: string, signal?: NodeJS.Signals): Promise<void>;
  /**
   * Freezes the app's process group (SIGSTOP): it does nothing, holds what it had received and keeps
   * its warm code, until {@link SystemHandle.thaw}. A benchmark queues work for it meanwhile.
   */
  freeze(app: string): void;
  /** Lets a frozen app run again (SIGCONT). */
  thaw(app: string): void;
  /** Stops the app if it still runs, starts it again and resolves once it is ready. */
  restart(app: string): Promise<void>;
  /** The last lines the app printed, to explain a failure. */
  tail(app: string): string;
  /** Stops every app (SIGTERM, SIGKILL after 10 s) and resolves with how each ended; calling it again is harmless. */
  stop(): Promise<{ app: string; exit: AppExit }[]>;
}

const DEFAULT_READY_TIMEOUT_MS = 60_000;
/** Lines of an app's output kept to explain why it was not ready. */
const TAIL_LINES = 40;

/**
 * Spawns every app at once and returns at once; wait for each with `ready(app)`. For `npm start`, which
 * is ready when the gateway answers and tells of any app that dies; tests and tools use {@link startSystem}.
 *
 * @example
 * ```ts
 * const system = launchSystem({ apps: systemApps(root), env, port: 3000, cwd: root, onExit: (app) => crash(app) });
 * await system.ready('gateway');
 * ```
 */
export function launchSystem(options: SystemOptions): SystemHandle {
  const url = `http://${options.host ?? '127.0.0.1'}:${options.port}`;
  const timeoutMs = options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const specs = new Map(options.apps.map((spec) => [spec.name, spec]));
  const running = new Map<string, AppProcess>();
  const tails = new Map<string, LineTail>();
  // Processes whose exit was asked for: theirs is no crash.
  const dismissed = new Set<AppProcess>();
  let stopping: Promise<{ app: string; exit: AppExit }[]> | undefined;

  const specOf = (app: string): AppSpec => {
    const spec = specs.get(app);
    if (!spec) throw new Error(`the system has no app named ${app}`);
    return spec;
  };
  const tailOf = (app: string): LineTail => {
    const tail = tails.get(app) ?? new LineTail(TAIL_LINES);
    tails.set(app, tail);
    return tail;
  };
  const spawnOne = (spec: AppSpec): AppProcess => {
    const tail = tailOf(spec.name);
    const { PORT: _port, ...withoutPort } = options.env;
    const app = spawnApp(spec, {
      cwd: options.cwd,
      env: spec.http ? { ...options.env, PORT: String(options.port) } : withoutPort,
      onLine: (line) => {
        tail.push(line);
        options.onLine?.(spec.name, line);
      },
    });
    running.set(spec.name, app);
    void app.exited.then((exit) => {
      if (!dismissed.has(app) && !stopping) options.onExit?.(spec.name, exit);
    });
    return app;
  };
  const current = (app: string): AppProcess => {
    specOf(app);
    const child = running.get(app);
    if (!child) throw new Error(`${app} is not running`);
    return child;
  };
  const ready = (app: string): Promise<void> => appReady(specOf(app), current(app), { url, timeoutMs, tail: () => tailOf(app).text() });
  const dismiss = (app: string, end: (child: AppProcess) => Promise<AppExit>): Promise<AppExit> => {
    const child = current(app);
    dismissed.add(child);
    return end(child);
  };
  // A caller that ends without stop() (an uncaught error, process.exit) must not leave apps behind.
  const killOnExit = (): void => {
    for (const child of running.values()) void child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  for (const spec of options.apps) spawnOne(spec);
  return {
    url,
    apps: options.apps.map((spec) => spec.name),
    consumers: options.apps.filter((spec) => !spec.http).map((spec) => spec.name),
    ready,
    kill: async (app, signal = 'SIGKILL') => {
      await dismiss(app, (child) => child.kill(signal));
    },
    freeze: (app) => current(app).signal('SIGSTOP'),
    thaw: (app) => current(app).signal('SIGCONT'),
    restart: async (app) => {
      await dismiss(app, (child) => child.stop());
      spawnOne(specOf(app));
      await ready(app);
    },
    tail: (app) => tailOf(app).text(),
    stop: () =>
      (stopping ??= (async () => {
        process.removeListener('exit', killOnExit);
        return Promise.all([...running.entries()].map(async ([app, child]) => ({ app, exit: await child.stop() })));
      })()),
  };
}

/**
 * Starts every app and resolves once all are ready; if one is not, stops them all and rejects.
 *
 * @throws AppNotReadyError naming the first app that exited or was not ready in time.
 *
 * @example
 * ```ts
 * const system = await startSystem({ apps: systemApps(root), env: { ...process.env, SIGNATURE_SECRET: key }, port, cwd: root });
 * await system.kill('movimiento-inventario');
 * await system.restart('movimiento-inventario');
 * await system.stop();
 * ```
 */
export async function startSystem(options: SystemOptions): Promise<SystemHandle> {
  const system = launchSystem(options);
  try {
    await Promise.all(system.apps.map((app) => system.ready(app)));
  } catch (error) {
    await system.stop();
    throw error;
  }
  return system;
}

/**
 * Why these signals: the gateway already answers `GET /health` for load balancers, so polling it proves
 * it listens; a consumer has no port, and the alternative, matching its 'Consumer started' log line, would
 * break on any change of wording or `LOG_FORMAT`, so it sends one IPC message once its pollers run.
 */
async function appReady(spec: AppSpec, app: AppProcess, options: { url: string; timeoutMs: number; tail: () => string }): Promise<void> {
  const exited = app.exited.then((exit) => {
    throw new AppNotReadyError(spec.name, 'APP_EXITED', `exited (${exit.signal ?? `code ${exit.code}`}) before it was ready`, options.tail());
  });
  // The race's loser settles later; that is no unhandled rejection.
  exited.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const signal = spec.http
    ? waitForHealth(options.url, { timeoutMs: options.timeoutMs, gaveUp: () => (app.hasExited() ? 'exited' : undefined) }).catch((error: Error) => {
        if (app.hasExited()) return exited;
        throw new AppNotReadyError(spec.name, 'APP_READY_TIMEOUT', `did not answer GET /health: ${error.message}`, options.tail());
      })
    : Promise.race([
        app.announcedReady,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new AppNotReadyError(spec.name, 'APP_READY_TIMEOUT', `did not say it was ready within ${Math.round(options.timeoutMs / 1000)} s`, options.tail())),
            options.timeoutMs,
          );
        }),
      ]);
  signal.catch(() => undefined);
  try {
    await Promise.race([signal, exited]);
  } finally {
    clearTimeout(timer);
  }
}
