import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findFreePort, findWorkspaceRoot, NPM_START_LAUNCHER, startDynamoDb, waitForHealth, withOwnNodeFirst } from '@inventario/local-stack';
import { figure, type Figure } from '../report/figure';

/**
 * (5) Start-up: `npm start -- --in-memory` (the stack, then the gateway and the workers process) until
 * `GET /health` answers, against DynamoDB Local's bare start (the jar run as its README says) until it
 * answers `ListTables`. Beside them, the same jar with the options `npm start` gives it (serial
 * collector, telemetry off), so a reader sees how much of the ratio those options make. The three
 * alternate, `runs` times; best of each, nothing else running.
 */
export async function startUp(options: { runs: number }): Promise<Figure> {
  // Alternated, so a slow moment of the machine falls on every side alike; the best of each is kept.
  let ours = Number.POSITIVE_INFINITY;
  let bare = Number.POSITIVE_INFINITY;
  let tuned = Number.POSITIVE_INFINITY;
  for (let run = 0; run < options.runs; run++) {
    ours = Math.min(ours, await timeNpmStart());
    bare = Math.min(bare, await timeDynamoDbAlone({ asShipped: true }));
    tuned = Math.min(tuned, await timeDynamoDbAlone({ asShipped: false }));
  }
  return figure({
    name: '(5) start-up to ready',
    unit: 's',
    ours: ours / 1000,
    baseline: bare / 1000,
    baselineName: 'DynamoDB Local alone, as its README starts it',
    work: {
      ours: 'DynamoDB Local (JVM, serial collector, telemetry off) + SNS/SQS emulator + provisioning, then 2 Node processes from prebuilt bundles: the gateway and one hosting the 8 consumers and the sweeper',
      baseline: 'DynamoDB Local (JVM, its default options) until it answers ListTables',
    },
    details: {
      runs: options.runs,
      dynamodb_local_with_our_options_s: tuned / 1000,
      ours_over_dynamodb_local_with_our_options: Math.round((ours / tuned) * 1000) / 1000,
    },
  });
}

/** How often the start-up's `/health` is asked. */
const HEALTH_POLL_MS = 20;


async function timeNpmStart(): Promise<number> {
  const root = findWorkspaceRoot();
  const port = await findFreePort();
  const startedAt = Date.now();
  const child = spawn(process.execPath, [join(root, NPM_START_LAUNCHER), '--in-memory'], {
    cwd: root,
    env: withOwnNodeFirst({ ...process.env, PORT: String(port) }),
    stdio: ['ignore', 'ignore', 'ignore'],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    // Asked often: the figure is when it answers, not the next of a slow poll's ticks (DynamoDB Local's
    // own start, in both sides, is polled as startDynamoDb polls it).
    await waitForHealth(`http://127.0.0.1:${port}`, { timeoutMs: 120_000, intervalMs: HEALTH_POLL_MS });
    return Date.now() - startedAt;
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}

async function timeDynamoDbAlone(options: { asShipped: boolean }): Promise<number> {
  const startedAt = Date.now();
  const dynamodb = await startDynamoDb(options);
  const ms = Date.now() - startedAt;
  await dynamodb.stop();
  return ms;
}
