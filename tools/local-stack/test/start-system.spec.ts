import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { backgroundApps } from '@inventario/events';
import { AppNotReadyError } from '../src/errors';
import { findFreePort } from '../src/free-port';
import { systemApps } from '../src/system/apps';
import { startSystem, type SystemHandle } from '../src/system/start-system';
import { notYet, waitUntil } from '../src/wait-until';
import { findWorkspaceRoot } from '../src/workspace';
import { isListening, writeStandInApps } from './support';

// Stand-ins for the apps, so these tests are about the harness: a gateway that answers /health, and
// consumers that announce readiness over IPC as runLocalConsumer does, unless told to crash or stay mute.
const GATEWAY = `
import { createServer } from 'node:http';
createServer((req, res) => { res.statusCode = req.url === '/health' ? 200 : 404; res.end('{}'); }).listen(Number(process.env.PORT));
process.on('SIGTERM', () => process.exit(0));
`;
const CONSUMER = `
const me = process.argv[1]?.split('/apps/')[1]?.split('/')[0];
console.log('consumer ' + me + ' pid ' + process.pid);
if (process.env.CRASH_BEFORE_READY === me) { console.error('boom'); process.exit(3); }
if (process.env.MUTE === me) setInterval(() => undefined, 1000);
else setTimeout(() => process.send?.({ kind: 'ready', app: me }), 200);
setInterval(() => undefined, 1000);
process.on('SIGTERM', () => process.exit(0));
`;

let appsRoot: string;
let system: SystemHandle | undefined;
beforeAll(async () => {
  appsRoot = await writeStandInApps('local-stack-harness-', { gateway: GATEWAY, consumer: CONSUMER });
});
afterEach(async () => {
  await system?.stop();
  system = undefined;
});
afterAll(() => rm(appsRoot, { recursive: true, force: true }));

async function start(env: Record<string, string> = {}, options: { readyTimeoutMs?: number; onExit?: (app: string) => void } = {}): Promise<SystemHandle> {
  const port = await findFreePort();
  return startSystem({
    apps: systemApps(appsRoot),
    env: { ...process.env, ...env },
    port,
    cwd: findWorkspaceRoot(),
    ...options,
  });
}

/** Pids of the stand-ins of this test's folder still running. */
function standInsRunning(): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(appsRoot));
}

const CONSUMER_APPS = backgroundApps();

describe('the system harness', () => {
  it('resolves once the gateway answers and every consumer said it is ready, and stops them all', async () => {
    system = await start();
    const running = system;

    expect(running.apps).toEqual(['gateway', ...CONSUMER_APPS]);
    expect(running.consumers).toEqual(CONSUMER_APPS);
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
    for (const app of CONSUMER_APPS) expect(running.tail(app)).toMatch(new RegExp(`^consumer ${app} pid \\d+$`));

    const exits = await running.stop();
    expect(exits.map((exit) => exit.app).sort()).toEqual([...running.apps].sort());
    expect(await isListening(Number(new URL(running.url).port))).toBe(false);
    expect(standInsRunning()).toEqual([]);
  });

  it('kills a consumer and restarts it as a new process, without calling that a crash; a crash it reports', async () => {
    const crashes: string[] = [];
    system = await start({}, { onExit: (app) => crashes.push(app) });
    const victim = CONSUMER_APPS[1] ?? '';
    const pidOf = (): string => /pid (\d+)$/.exec(system?.tail(victim) ?? '')?.[1] ?? '';
    const before = pidOf();

    await system.kill(victim);
    await system.restart(victim);

    expect(pidOf()).not.toBe(before);
    expect(crashes).toEqual([]);
    process.kill(Number(pidOf()), 'SIGKILL');
    await waitUntil(async () => (crashes.length > 0 ? undefined : notYet('no crash reported yet')), { timeoutMs: 10_000 });
    expect(crashes).toEqual([victim]);
  });

  it('freezes an app until it is thawed, and stops a frozen app as it stops any other', async () => {
    system = await start();
    const health = (): Promise<number> => fetch(`${system?.url}/health`, { signal: AbortSignal.timeout(1_000) }).then((response) => response.status);

    system.freeze('gateway');
    await expect(health()).rejects.toThrow();
    system.thaw('gateway');
    expect(await health()).toBe(200);

    const frozen = CONSUMER_APPS[0] ?? '';
    system.freeze(frozen);
    const exits = await system.stop();
    // Its SIGTERM handler ran (exit code 0): not the SIGKILL that ends the grace period.
    expect(exits.find((exit) => exit.app === frozen)?.exit).toEqual({ code: 0, signal: null });
  });

  it('refuses, naming the app, when a consumer exits before it is ready, and leaves nothing running', async () => {
    const crashing = CONSUMER_APPS[2] ?? '';

    const failure = await start({ CRASH_BEFORE_READY: crashing }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AppNotReadyError);
    expect(failure).toMatchObject({ app: crashing, code: 'APP_EXITED' });
    expect((failure as Error).message).toContain('boom');
    expect(standInsRunning()).toEqual([]);
  });

  it('refuses when a consumer never says it is ready', async () => {
    const mute = CONSUMER_APPS[0] ?? '';

    const failure = await start({ MUTE: mute }, { readyTimeoutMs: 3_000 }).catch((error: unknown) => error);

    expect(failure).toMatchObject({ app: mute, code: 'APP_READY_TIMEOUT' });
    expect(standInsRunning()).toEqual([]);
  });
});
