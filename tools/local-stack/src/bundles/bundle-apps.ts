/**
 * `nx run local-stack:bundle-apps`: bundles the local entry point (`apps/<name>/src/main.ts`) of the
 * gateway, each consumer and the sweeper, and of the workers host that runs all but the gateway in one
 * process, into `dist/local-apps/<name>/main.js`, so `npm start` runs them with plain `node` instead of
 * compiling TypeScript at start-up. Our code (apps and libs, through the tsconfig
 * paths) is bundled; packages stay in `node_modules`. Nx caches the target: a start with unchanged
 * sources builds nothing.
 */
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { findWorkspaceRoot } from '../workspace';
import { localBundleApps, localBundleEntry, LOCAL_BUNDLES_DIR } from './local-bundles';

// Shared with the launcher of `npm start`, which is plain CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LOCAL_BUNDLE_OPTIONS } = require('../../bin/bundle-options.cjs') as { LOCAL_BUNDLE_OPTIONS: BuildOptions };

async function main(): Promise<void> {
  const root = findWorkspaceRoot();
  await build({
    ...LOCAL_BUNDLE_OPTIONS,
    absWorkingDir: root,
    entryPoints: Object.fromEntries(localBundleApps().map((app) => [join(app, 'main'), localBundleEntry(app)])),
    outdir: LOCAL_BUNDLES_DIR,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bundle-apps: ${(error as Error).message}\n`);
  process.exit(1);
});
