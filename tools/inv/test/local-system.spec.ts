import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backgroundApps, COMMANDS } from '@inventario/events';
import { findFreePort as closedPort, spawnNpmStart } from '@inventario/local-stack';
import { inv } from './support/run-inv';

const WORKSPACE = path.resolve(__dirname, '../../..');
// npm start runs apps/<name>/src/main.ts; stand-ins keep this test about finding the stack, not the apps.
const GATEWAY = `
import { createServer } from 'node:http';
createServer((req, res) => { res.statusCode = req.url === '/health' ? 200 : 404; res.end('{}'); }).listen(Number(process.env.PORT));
process.on('SIGTERM', () => process.exit(0));
`;
const WORKER = 'setInterval(() => undefined, 1000);\n';

describe('with npm start running', () => {
  let appsRoot: string;
  beforeAll(async () => {
    appsRoot = await mkdtemp(path.join(tmpdir(), 'inv-apps-'));
    for (const [app, source] of [['gateway', GATEWAY], ...backgroundApps().map((app) => [app, WORKER])] as const) {
      await mkdir(path.join(appsRoot, 'apps', app, 'src'), { recursive: true });
      await writeFile(path.join(appsRoot, 'apps', app, 'src', 'main.ts'), source);
    }
  });
  afterAll(() => rm(appsRoot, { recursive: true, force: true }));

  it('finds its emulators through the state file it leaves, with nothing in the environment, and loses them when it stops', async () => {
    const port = await closedPort();
    const stateFile = path.join(WORKSPACE, '.data', `local-stack-${port}.json`);
    const start = spawnNpmStart(['--in-memory', '--apps-root', appsRoot], { PORT: String(port) });
    try {
      await start.waitFor(/Ctrl-C stops everything/, 60_000);
      expect(existsSync(stateFile)).toBe(true);

      const noStackEnv = { INVENTARIO_RESOURCES: undefined, AWS_ENDPOINT_URL_SQS: undefined, AWS_ENDPOINT_URL: undefined, PORT: undefined };
      const list = await inv(['--url', `http://localhost:${port}`, 'replay', 'list', '--json'], noStackEnv);
      expect(list.code).toBe(0);
      const report = list.json<{ source: string; queues: { queue: string }[] }>();
      expect(report.source).toContain(`local-stack-${port}.json`);
      expect(report.queues.map((row) => row.queue).sort()).toEqual(COMMANDS.flatMap((entry) => [entry.queue, entry.deadLetterQueue]).sort());
    } finally {
      await start.stop('SIGINT');
    }
    expect(existsSync(stateFile)).toBe(false);
    const after = await inv(['--url', `http://localhost:${port}`, 'replay', 'list'], { INVENTARIO_RESOURCES: undefined, AWS_ENDPOINT_URL_SQS: undefined, AWS_ENDPOINT_URL: undefined });
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('is `npm start` running?');
  });
});
