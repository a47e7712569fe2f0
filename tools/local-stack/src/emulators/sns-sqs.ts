import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LOCAL_REGION } from '../constants';
import type { EmulatorOptions, RunningEmulator } from '../types';

/**
 * Starts fauxqs, the in-process SNS/SQS emulator (one endpoint for both services). In memory unless
 * `dataDir` is given, where it keeps queues, messages, topics and subscriptions in SQLite.
 *
 * fauxqs is ESM-only, so it is loaded with a dynamic `import()`: call this from tsx or Node, never from
 * code Jest loads (Jest reaches the stack through `cli.ts` in a child process).
 *
 * @example
 * ```ts
 * const snsSqs = await startSnsSqs();
 * new SQSClient({ endpoint: snsSqs.endpoint });
 * await snsSqs.stop();
 * ```
 */
export async function startSnsSqs(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { startFauxqs } = await import('fauxqs');
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const server = await startFauxqs({
    port: options.port ?? 0,
    logger: false,
    defaultRegion: LOCAL_REGION,
    ...(dataDir === undefined ? {} : { dataDir }),
  });
  let stopped: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    stop: () => (stopped ??= server.stop()),
    // In this process: it ends only with it.
    unexpectedExit: new Promise<string>(() => undefined),
  };
}
