import { findFreePort, spawnNpmStart, type NpmStartProcess } from '@inventario/local-stack';
import { waitForOutcome } from './support/client';

// What `npm start` runs, started the same way, in memory so the run leaves nothing behind.
let run: NpmStartProcess | undefined;

// A test that failed midway stops npm start as a person would, with Ctrl-C, so it stops what it started
// (the JVM, the apps in their own process groups); a SIGKILL would leave those running. Only if it does
// not exit in time is it killed.
afterEach(async () => {
  await run?.stop('SIGINT');
}, 30_000);

describe('npm start', () => {
  it('answers /health and the signed curl it prints within 30 s, and stops cleanly on Ctrl-C', async () => {
    const port = await findFreePort();
    run = spawnNpmStart(['--in-memory'], { PORT: String(port), SIGNATURE_SECRET: '' });

    const curl = /^curl .*$/m.exec(await run.waitFor(/^curl .*$/m, 30_000))?.[0] ?? '';
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

    const { code } = await run.stop('SIGINT');
    expect(code).toBe(0);
  });
});
