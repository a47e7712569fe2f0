import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { backgroundApps, COMMANDS } from '@inventario/events';
import { KeyRing, verifySignature } from '@inventario/signature';
import { findFreePort } from '../src/free-port';
import { spawnNpmStart, type NpmStartProcess } from '../src/testing/npm-start-process';
import { dynamoDbLocalPids, exitOf, isListening, writeStandInApps } from './support';

// `npm start` runs apps/<name>/src/main.ts; these tests give it throwaway stand-ins in a temp folder.
const GATEWAY = `
import { createServer } from 'node:http';
createServer((req, res) => { res.statusCode = req.url === '/health' ? 200 : 404; res.end('{}'); })
  .listen(Number(process.env.PORT), () => console.log('listening on ' + process.env.PORT));
process.on('SIGTERM', () => process.exit(0));
`;
const WORKER = `
const resources = JSON.parse(process.env.INVENTARIO_RESOURCES ?? '{"queues":{}}');
console.log('worker with ' + Object.keys(resources.queues).length + ' queues, PORT ' + (process.env.PORT ?? 'unset'));
if (process.env.CRASH_APP && process.argv[1]?.includes('/' + process.env.CRASH_APP + '/')) {
  setTimeout(() => { console.error('boom'); process.exit(3); }, 500);
}
setInterval(() => undefined, 1000);
`;

let appsRoot: string;
const runs: NpmStartProcess[] = [];
afterEach(async () => {
  // A failed test must not leave a system running: ask each run still alive to stop, and wait for it.
  for (const run of runs.splice(0)) await run.stop('SIGTERM');
});
beforeAll(async () => {
  appsRoot = await writeStandInApps('local-stack-apps-', { gateway: GATEWAY, consumer: WORKER });
});
afterAll(() => rm(appsRoot, { recursive: true, force: true }));

describe('npm start', () => {
  it('runs the gateway and every worker, prints a signed curl, and stops everything on Ctrl-C with exit 0', async () => {
    const port = await findFreePort();
    const run = runNpmStart({ PORT: String(port) });

    await run.waitFor(/Ctrl-C stops everything/);
    // Workers print as they start, maybe after the gateway is already answering.
    for (const app of backgroundApps()) await run.waitFor(new RegExp(`^${app} +\\| worker`, 'm'));
    const output = run.output();

    expect(output).toContain(`Inventario is running at http://localhost:${port}`);
    expect(output).toContain('the old system\'s default key "Mercado Libre" is in use');
    expect(output).toContain('a deployed stage refuses to start with it');
    // Each command has its queue and its dead-letter queue; every background app sees them all.
    for (const app of backgroundApps()) expect(output).toMatch(new RegExp(`^${app} +\\| worker with ${COMMANDS.length * 2} queues, PORT unset$`, 'm'));
    expect(output).toMatch(new RegExp(`^gateway +\\| listening on ${port}$`, 'm'));
    expect(verifyCurl(output, KeyRing.fromSecret(undefined), port)).toBe(true);

    const dynamoPort = Number(/DynamoDB http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
    run.child.kill('SIGINT');

    expect(await exitOf(run.child)).toEqual({ code: 0, signal: null });
    expect(run.output()).toMatch(/SIGINT: stopping[\s\S]*stopped/);
    expect(dynamoDbLocalPids(dynamoPort)).toEqual([]);
    expect(await isListening(port)).toBe(false);
    expect(standInsRunning()).toEqual([]);
  });

  it('never prints a key from SIGNATURE_SECRET, only how many, and signs the curl with it', async () => {
    const port = await findFreePort();
    const secret = 'first-very-secret-key, second-very-secret-key';
    const run = runNpmStart({ PORT: String(port), SIGNATURE_SECRET: secret });

    const output = await run.waitFor(/Ctrl-C stops everything/);
    run.child.kill('SIGTERM');
    await exitOf(run.child);

    expect(output).toContain('2 keys from SIGNATURE_SECRET are in use');
    expect(run.output()).not.toContain('very-secret');
    expect(verifyCurl(output, KeyRing.fromSecret('first-very-secret-key'), port)).toBe(true);
    expect(run.child.exitCode).toBe(0);
  });

  it('says so and stops everything with a non-zero exit when an app dies', async () => {
    const port = await findFreePort();
    const run = runNpmStart({ PORT: String(port), CRASH_APP: 'movimiento-inventario' });

    const { code } = await exitOf(run.child);

    expect(code).toBe(1);
    expect(run.output()).toMatch(/movimiento-inventario exited unexpectedly \(exit code 3\); stopping everything/);
    expect(await isListening(port)).toBe(false);
    expect(standInsRunning()).toEqual([]);
  });

  it('stops everything with a non-zero exit when DynamoDB Local dies under it', async () => {
    const port = await findFreePort();
    const run = runNpmStart({ PORT: String(port) });
    const output = await run.waitFor(/Ctrl-C stops everything/);
    const dynamoPort = Number(/DynamoDB http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);

    for (const pid of dynamoDbLocalPids(dynamoPort)) process.kill(pid, 'SIGKILL');

    expect((await exitOf(run.child)).code).toBe(1);
    expect(run.output()).toMatch(/DynamoDB Local exited \(SIGKILL\); stopping everything/);
    expect(standInsRunning()).toEqual([]);
  });
});

function runNpmStart(env: Record<string, string>): NpmStartProcess {
  const run = spawnNpmStart(['--in-memory', '--apps-root', appsRoot], env);
  runs.push(run);
  return run;
}

/** Checks the printed curl's X-Signature against its --data-raw body, as the gateway would. */
function verifyCurl(output: string, keyRing: KeyRing, port: number): boolean {
  const curl = output.split('\n').find((line) => line.startsWith('curl '));
  const match = /^curl -i -X POST (\S+) .*-H 'X-Signature: ([^']+)' --data-raw '([^']+)'$/.exec(curl ?? '');
  if (!match) throw new Error(`No curl line in:\n${output}`);
  expect(match[1]).toBe(`http://localhost:${port}/orden-compra`);
  expect(JSON.parse(match[3] ?? '')).toMatchObject({ producto_id: 'PRO001', cantidad: 5, nombre: 'Demo', precio: 10 });
  const request = { method: 'POST', path: new URL(match[1] ?? '').pathname };
  const verified = verifySignature({ keyRing, header: match[2], body: Buffer.from(match[3] ?? ''), request });
  // Request-bound: the printed signature is for that route only.
  expect(verified).toMatchObject({ form: 'request-bound' });
  return verified.ok;
}

function standInsRunning(): string[] {
  return execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(appsRoot));
}
