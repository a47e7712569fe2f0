import { runUntilStopped } from '../runtime/run-until-stopped';
import { SWEEPER_APP } from '../runtime/background-apps';
import { startLocalConsumer } from './consume/run-consumer';
import { startLocalSweeper } from './reservations/run-sweeper';

/**
 * Runs several background apps (consumers and the sweeper, by app name) in this one process, each
 * exactly as its own process would run it (`startLocalConsumer`, `startLocalSweeper`: its own clients,
 * logger and pollers), until SIGINT or SIGTERM, which let every app finish what it is doing before the
 * process exits. Says it is ready, as `host`, once all of them run.
 *
 * Why: `npm start` on a laptop of two cores. Nine processes each load Node, the AWS SDK and Powertools
 * (about 0.3 s of CPU apiece) while DynamoDB Local's JVM starts; one process loads them once. On AWS
 * each app is still its own function, deployed alone.
 *
 * @example
 * // tools/local-stack/src/workers/main.ts
 * runLocalBackgroundApps('workers', backgroundApps());
 */
export function runLocalBackgroundApps(host: string, apps: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const running = apps.map((app) => (app === SWEEPER_APP ? startLocalSweeper(app, env) : startLocalConsumer(app, env)));
  runUntilStopped(host, { stop: async () => void (await Promise.all(running.map((app) => app.stop()))) });
}
