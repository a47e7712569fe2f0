import { isPortFree } from '../free-port';
import { startLocalStack, type LocalStack } from '../stack';
import { withOwnNodeFirst } from '../workspace';
import { onStopRequest, type StopReason } from '../stop-signals';
import { removeStackState, stackStatePath, writeStackState } from '../state-file';
import type { AppNotReadyError } from '../errors';
import type { AppExit } from './app-process';
import { missingEntries, type AppSpec } from './apps';
import { signingBanner } from './signing-banner';
import { launchSystem, type SystemHandle } from './start-system';

/** Options of {@link runSystem}. */
export interface RunSystemOptions {
  /** Where the stack keeps data; in memory when undefined. */
  dataDir: string | undefined;
  /** The processes to run (see `systemApps`). */
  apps: readonly AppSpec[];
  /** Folder the app entries live under, for messages. */
  appsRoot: string;
  /** The workspace root: the apps' working directory. */
  workspaceRoot: string;
  /** The caller's environment: passed to every app under the stack's own variables. */
  env: NodeJS.ProcessEnv;
  /** How long the gateway may take to answer `/health`; default 60 s. */
  healthTimeoutMs?: number;
  /**
   * Makes the apps runnable (builds their bundles), started at the same time as the stack so it costs
   * no start-up time of its own; the apps start when both are done.
   */
  prepareApps?: () => Promise<void>;
  /** Where lines for people go; default stdout. */
  writeLine?: (line: string) => void;
  /** Leave the stack's environment in `<workspace>/.data/local-stack-<PORT>.json` while ready (see `state-file.ts`). */
  writeStateFile?: boolean;
}

/** Variables of the caller that must not reach the apps: they would point the SDK at a real account. */
const DROPPED_ENV = ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL'];
/** An app's exit followed this soon by a stop request (Ctrl-C reaches them both) is part of the stop, not a crash. */
const EXIT_SETTLE_MS = 250;

/**
 * Runs the whole system: the local stack, then every app at once, each with the stack's environment over
 * the caller's (`PORT`, `SIGNATURE_SECRET`, `SIGNATURE_LEGACY`, `STAGE`, `STOCK_MINIMO` pass through).
 * Once the gateway answers `GET /health`, prints its URL, the key in use and a signed curl. Stops
 * everything on SIGINT, SIGTERM, SIGHUP (or stdin closing, when it is a pipe).
 *
 * @returns the exit code: 0 after a requested stop, 1 when start-up failed or an app died.
 *
 * @example
 * ```ts
 * process.exit(await runSystem({ dataDir: '.data', apps: systemApps(root), appsRoot: root, ... }));
 * ```
 */
export async function runSystem(options: RunSystemOptions): Promise<number> {
  const say = options.writeLine ?? ((line: string) => process.stdout.write(`${line}\n`));
  const log = (line: string): void => say(`${'start'.padEnd(prefixWidth(options.apps))} | ${line}`);
  const port = Number(options.env.PORT ?? 3000);
  const startedAt = Date.now();

  const missing = missingEntries(options.apps, options.appsRoot);
  if (missing.length > 0) {
    log(`cannot start: ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist yet`);
    return 1;
  }
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
    log(`cannot start: PORT=${options.env.PORT} is not a TCP port`);
    return 1;
  }
  if (!(await isPortFree(port))) {
    log(`cannot start: port ${port} is already in use; stop what uses it or set PORT to another port`);
    return 1;
  }

  // The first of: a stop request, an app dying, the gateway never getting healthy. Later ones are ignored.
  let settle: (end: Ending) => void = () => undefined;
  const ending = new Promise<Ending>((resolve) => (settle = resolve));
  let stopRequested: StopReason | undefined;
  onStopRequest(
    (reason) => {
      stopRequested = reason;
      settle({ stop: reason });
    },
    () => process.exit(1),
  );

  log(`starting DynamoDB Local and SNS/SQS (${options.dataDir === undefined ? 'in memory' : `data in ${options.dataDir}`})`);
  let stack: LocalStack;
  const prepared = (options.prepareApps?.() ?? Promise.resolve()).then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  try {
    stack = await startLocalStack({ dataDir: options.dataDir });
  } catch (error) {
    await prepared;
    const [first, ...rest] = String((error as Error).message).split('\n');
    log(`cannot start: ${first}`);
    for (const line of rest) log(`  ${line}`);
    return 1;
  }
  const stackUp = `DynamoDB ${stack.env.AWS_ENDPOINT_URL_DYNAMODB}, SNS/SQS ${stack.env.AWS_ENDPOINT_URL_SQS}`;
  log(`stack ready in ${seconds(startedAt)} (${stackUp})`);
  const notPrepared = await prepared;
  if (notPrepared) {
    const [first, ...rest] = notPrepared.message.split('\n');
    log(`cannot start: ${first}`);
    for (const line of rest) log(`  ${line}`);
    await stack.stop().catch(() => undefined);
    return 1;
  }
  if (!stopRequested) log(`starting apps (${seconds(startedAt)})`);

  void stack.unexpectedExit.then((reason) => {
    if (!stopRequested) settle({ crash: reason });
  });
  let system: SystemHandle | undefined;
  let over = false;
  const stateFile = options.writeStateFile ? stackStatePath(options.workspaceRoot, port) : undefined;
  if (!stopRequested) {
    const width = prefixWidth(options.apps);
    const baseUrl = `http://localhost:${port}`;
    system = launchSystem({
      apps: options.apps,
      env: appEnv(options.env, stack.env),
      port,
      cwd: options.workspaceRoot,
      host: 'localhost',
      readyTimeoutMs: options.healthTimeoutMs ?? 60_000,
      onLine: (app, line) => say(`${app.padEnd(width)} | ${line}`),
      onExit: (app, exit) =>
        setTimeout(() => {
          if (!stopRequested) settle({ crash: `${app} exited unexpectedly (${describeExit(exit)})` });
        }, EXIT_SETTLE_MS),
    });
    // Ready is when the gateway answers: a consumer that dies is told by onExit, whenever it happens.
    system.ready('gateway').then(
      () => {
        if (stopRequested || over) return;
        if (stateFile) writeStackState(stateFile, { pid: process.pid, port, startedAt: new Date().toISOString(), env: stack.env });
        log(`ready in ${seconds(startedAt)}`);
        say('');
        for (const line of signingBanner({ baseUrl, secret: options.env.SIGNATURE_SECRET })) say(line);
        say('');
      },
      (error: AppNotReadyError) => {
        // A gateway that exits is a crash onExit reports, with its exit code.
        if (error.code !== 'APP_EXITED') settle({ crash: `the gateway did not answer GET ${baseUrl}/health: ${error.message}` });
      },
    );
  }

  const end = await ending;
  over = true;
  if (stateFile) removeStackState(stateFile, process.pid);
  if ('crash' in end) {
    const [first, ...rest] = end.crash.split('\n');
    log(`${first}; stopping everything`);
    for (const line of rest) log(`  ${line}`);
    return shutDown(stack, system, log, 1);
  }
  log(`${end.stop}: stopping`);
  return shutDown(stack, system, log, 0);
}

type Ending = { stop: StopReason } | { crash: string };

async function shutDown(stack: LocalStack, system: SystemHandle | undefined, log: (line: string) => void, code: number): Promise<number> {
  const stoppingAt = Date.now();
  for (const { app, exit } of (await system?.stop()) ?? []) {
    if (exit.signal === 'SIGKILL') log(`${app} did not stop within ${seconds(stoppingAt)} of SIGTERM; killed it`);
  }
  try {
    await stack.stop();
  } catch (error) {
    log(`could not stop the emulators cleanly: ${(error as Error).message}`);
    return 1;
  }
  log('stopped');
  return code;
}

function appEnv(callerEnv: NodeJS.ProcessEnv, stackEnv: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = withOwnNodeFirst({ ...callerEnv, ...stackEnv });
  for (const name of DROPPED_ENV) delete env[name];
  return env;
}

function prefixWidth(apps: readonly AppSpec[]): number {
  return Math.max('start'.length, ...apps.map((app) => app.name.length));
}

function describeExit(exit: AppExit): string {
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}
