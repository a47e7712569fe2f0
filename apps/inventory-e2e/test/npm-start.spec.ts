import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { waitForOutcome } from './support/client';
import { findFreePort, notYet, waitUntil } from '@inventario/local-stack';

const WORKSPACE = path.resolve(__dirname, '../../..');
// What `npm start` runs, started the same way, in memory so the run leaves nothing behind.
const START = path.join(WORKSPACE, 'tools/local-stack/src/start.ts');
let child: ChildProcess | undefined;

// A test that failed midway stops npm start as a person would, with Ctrl-C, so it stops what it started
// (the JVM, the apps in their own process groups); a SIGKILL would leave those running. Only if it does
// not exit in time is it killed.
afterEach(async () => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGINT');
  const timer = setTimeout(() => child?.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}, 30_000);

describe('npm start', () => {
  it('answers /health and the signed curl it prints within 30 s, and stops cleanly on Ctrl-C', async () => {
    const port = await findFreePort();
    child = spawn(process.execPath, ['--import', 'tsx', START, '--in-memory'], {
      cwd: WORKSPACE,
      env: { ...process.env, PORT: String(port), SIGNATURE_SECRET: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const curl = await waitForLine(() => output, /^curl .*$/m, 30_000);
    const health = await fetch(`http://localhost:${port}/health`);
    expect(health.status).toBe(200);
    const [, url, signature, body] = /^curl -i -X POST (\S+) .*-H 'X-Signature: ([^']+)' --data-raw '([^']+)'$/.exec(curl) ?? [];
    const accepted = await fetch(url ?? '', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Signature': signature ?? '' },
      body,
    });
    expect(accepted.status).toBe(202);
    const { estado_url: estadoUrl } = (await accepted.json()) as { estado_url: string };
    expect((await waitForOutcome(`http://localhost:${port}`, estadoUrl)).estado).toBe('APLICADA');

    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
  });
});

async function waitForLine(text: () => string, pattern: RegExp, timeoutMs: number): Promise<string> {
  return waitUntil(async () => pattern.exec(text())?.[0] ?? notYet(`npm start printed no ${pattern} in ${timeoutMs} ms:\n${text()}`), { timeoutMs, intervalMs: 100 });
}
