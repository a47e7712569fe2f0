import path from 'node:path';
import { findFreePort, startSystem, systemApps, type SystemHandle } from '@inventario/local-stack';

const WORKSPACE = path.resolve(__dirname, '../../../..');

/** The gateway as its own process, against the emulators of the global setup. */
export type GatewayProcess = SystemHandle;

/** Starts `apps/gateway/src/main.ts` alone on a free port with the given key, and waits until it answers `/health`. */
export async function startGateway(key: string): Promise<GatewayProcess> {
  return startSystem({
    apps: systemApps(WORKSPACE).filter((app) => app.http),
    env: { ...process.env, SIGNATURE_SECRET: key, STAGE: 'dev' },
    port: await findFreePort(),
    cwd: WORKSPACE,
  });
}
