/**
 * `npm start`: the whole system on this machine. Starts the local stack (data in `<workspace>/.data`
 * unless `--in-memory`), then the gateway and one worker per catalogue entry, and prints how to call it.
 *
 * `npm start -- [--in-memory] [--data-dir DIR] [--apps-root DIR]`. The apps run from prebuilt bundles
 * (`nx run local-stack:bundle-apps`, cached by Nx, built while DynamoDB Local starts); `--apps-root`
 * runs the `apps/<name>/src/main.ts` found under another folder with tsx instead (stand-ins, in tests).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildLocalBundles, localBundlesDir } from './bundles/local-bundles';
import { systemApps } from './system/apps';
import { runSystem } from './system/run-system';
import { defaultDataDir, findWorkspaceRoot } from './workspace';

const USAGE = 'usage: npm start -- [--in-memory] [--data-dir DIR] [--apps-root DIR]';

async function main(): Promise<number> {
  let values: { 'in-memory'?: boolean; 'data-dir'?: string; 'apps-root'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        'in-memory': { type: 'boolean' },
        'data-dir': { type: 'string' },
        'apps-root': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
    if (values['in-memory'] && values['data-dir'] !== undefined) throw new Error('--in-memory and --data-dir exclude each other');
  } catch (error) {
    process.stderr.write(`start: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const workspaceRoot = findWorkspaceRoot();
  const appsRoot = resolve(values['apps-root'] ?? workspaceRoot);
  const bundled = values['apps-root'] === undefined;
  return runSystem({
    dataDir: values['in-memory'] ? undefined : resolve(values['data-dir'] ?? defaultDataDir(workspaceRoot)),
    apps: systemApps(appsRoot, bundled ? { bundlesDir: localBundlesDir(workspaceRoot), oneWorkersProcess: true } : {}),
    ...(bundled && { prepareApps: () => buildLocalBundles(workspaceRoot) }),
    appsRoot,
    workspaceRoot,
    env: process.env,
    writeStateFile: true,
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`start: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
