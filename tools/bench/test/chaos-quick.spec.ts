import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChaosReport } from '../src/chaos/run-chaos';

const WORKSPACE = resolve(__dirname, '../../..');

type Report = Pick<ChaosReport, 'sent' | 'holds' | 'accepted' | 'notAccepted' | 'kills' | 'dynamoDbRestarts' | 'duplicatesPublished' | 'applied' | 'rejected' | 'violations'>;

/** Runs `npm run chaos` (the same program) small, in a child: it restarts DynamoDB Local, which needs its own stack. */
function runChaos(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(WORKSPACE, 'tools/bench/src/chaos.ts'), ...args], {
      cwd: WORKSPACE,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => done({ code, stderr }));
  });
}

describe('a quick chaos run', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'chaos-quick-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('loses nothing and applies nothing twice while consumers are killed, messages come twice and DynamoDB restarts', async () => {
    const json = join(folder, 'report.json');
    const run = await runChaos(['--commands', '300', '--products', '40', '--kill-every-ms', '2000', '--min-kills', '2', '--timeout-s', '300', '--json', json]);
    const report = (await readFile(json, 'utf8').then(
      (text) => JSON.parse(text),
      () => {
        throw new Error(`the chaos run wrote no report (exit ${run.code}):\n${run.stderr.slice(-3000)}`);
      },
    )) as Report;
    expect(report.violations).toEqual([]);
    expect(run.code).toBe(0);
    // The 300 commands of the workload, then the confirmations and releases of its holds.
    expect(report.sent).toBeGreaterThan(300);
    expect(report.accepted + report.notAccepted).toBe(report.sent);
    expect(report.applied + report.rejected).toBe(report.accepted);
    expect(report.kills).toBeGreaterThanOrEqual(2);
    expect(report.dynamoDbRestarts).toBe(1);
    expect(report.duplicatesPublished).toBeGreaterThan(0);
    // Holds ended every way: sold, given back by the client, given back by the sweeper. A hold whose
    // creation sat in a dead-letter queue until the replay may still be ACTIVA and not due yet; the
    // invariants above hold every hold to its expiry.
    expect(report.holds).toMatchObject({ CONFIRMADA: expect.any(Number), LIBERADA: expect.any(Number), EXPIRADA: expect.any(Number) });
  });
});
