/**
 * `nx run local-stack:bundle-apps`: bundles the local entry point (`apps/<name>/src/main.ts`) of the
 * gateway, each consumer and the sweeper, and of the workers host that runs all but the gateway in one
 * process, into `dist/local-apps/<name>/main.js`, so `npm start` runs them with plain `node` instead of
 * compiling TypeScript at start-up. Our code (apps and libs, through the tsconfig
 * paths) is bundled; packages stay in `node_modules`. Nx caches the target: a start with unchanged
 * sources builds nothing.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { findWorkspaceRoot } from '../workspace';
import { localBundleApps, localBundleEntry, LOCAL_BUNDLES_DIR } from './local-bundles';

async function main(): Promise<void> {
  const root = findWorkspaceRoot();
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(localBundleApps().map((app) => [join(app, 'main'), localBundleEntry(app)])),
    outdir: LOCAL_BUNDLES_DIR,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    tsconfig: 'tsconfig.base.json',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bundle-apps: ${(error as Error).message}\n`);
  process.exit(1);
});
