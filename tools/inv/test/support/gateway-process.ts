import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { findFreePort as closedPort } from '@inventario/local-stack';

const WORKSPACE = path.resolve(__dirname, '../../../..');

/** The gateway as its own process, against the emulators of the global setup. */
export interface GatewayProcess {
  url: string;
  stop(): Promise<void>;
}

/** Starts `apps/gateway/src/main.ts` on a free port with the given key, and waits for `/health`. */
export async function startGateway(key: string): Promise<GatewayProcess> {
  const port = await closedPort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(WORKSPACE, 'apps/gateway/src/main.ts')], {
    cwd: WORKSPACE,
    env: { ...process.env, PORT: String(port), SIGNATURE_SECRET: key, STAGE: 'dev' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the gateway did not start:\n${stderr.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
