// @ts-check
'use strict';

/**
 * The esbuild options of every local bundle (the apps' through `bundle-apps`, `start.ts`'s through
 * `start.cjs`): our code bundled through the tsconfig paths, packages left in `node_modules`. Plain
 * CommonJS, so that the launcher can read it without compiling anything.
 *
 * @type {import('esbuild').BuildOptions}
 */
const LOCAL_BUNDLE_OPTIONS = {
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  tsconfig: 'tsconfig.base.json',
  sourcemap: 'linked',
  logLevel: 'warning',
};

module.exports = { LOCAL_BUNDLE_OPTIONS };
