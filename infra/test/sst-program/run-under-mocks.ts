import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** A resource the SST program registered, with the inputs it gave. */
export interface RecordedResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

/** What one SST app's program did under Pulumi's mocks. */
export interface MockRun {
  outputs: Record<string, unknown>;
  resources: RecordedResource[];
  calls: { token: string; inputs: Record<string, unknown> }[];
  builds: { functionID: string; handler: string; bundle: string; runtime: string }[];
}

const ROOT = resolve(__dirname, '../../..');
const PLATFORM = join(ROOT, '.sst/platform');

// Packages the SST platform brings (Pulumi, its providers, what its components import) are loaded from
// `.sst/platform/node_modules` at run time, as SST's own CLI does; the project's code is bundled.
const platformPackagesExternal: Plugin = {
  name: 'platform-packages-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@inventario/')) return undefined;
      if (args.path.startsWith('@pulumi/') || args.importer.startsWith(PLATFORM)) return { path: args.path, external: true };
      return undefined;
    });
  },
};

// Runs before any module of the bundle: `require` for CommonJS dependencies, and the globals SST's CLI
// gives a program ($app, $cli, $dev), which SST's components read when they load.
const BANNER = [
  "import { createRequire as topLevelCreateRequire } from 'node:module';",
  'const require = topLevelCreateRequire(import.meta.url);',
  'const mockSettings = JSON.parse(process.env.MOCK_RUN_SETTINGS);',
  "const mockWork = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'sst-mock-work-'));",
  "globalThis.$app = { name: mockSettings.project, stage: mockSettings.stage, removal: 'remove', providers: {}, protect: false };",
  'globalThis.$dev = false;',
  "globalThis.$cli = { command: 'deploy', rpc: '', paths: { home: mockWork, root: mockSettings.root, work: mockWork, platform: mockSettings.platform }, home: 'aws', state: { version: {} } };",
].join('\n');

/**
 * Bundles `sst.config.ts` with SST's own shim (`$config`, `$util`, `$resolve`...) and the `sst`/`aws`
 * namespaces, the way SST's CLI does, then runs the program of one SST app in a child process under
 * Pulumi's unit-test mocks (`pulumi.runtime.setMocks`) and returns every resource it registered.
 * Nothing reaches AWS or a Pulumi engine.
 */
export async function runUnderMocks(service: string, stage: string): Promise<MockRun> {
  const outfile = join(PLATFORM, `mock-run-${service}.mjs`);
  await build({
    entryPoints: [join(__dirname, 'entry.mjs')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    outfile,
    logLevel: 'error',
    tsconfig: join(ROOT, 'tsconfig.json'),
    inject: [join(PLATFORM, 'src/shim/run.js')],
    banner: { js: BANNER },
    plugins: [platformPackagesExternal],
  });
  const child = spawnSync(process.execPath, [outfile], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      SST_SECRET_SignatureSecret: 'a-real-key-for-the-mock-run',
      MOCK_RUN_SETTINGS: JSON.stringify({ project: `inventario-${service}`, stage, root: ROOT, platform: PLATFORM }),
    },
  });
  if (child.status !== 0) throw new Error(`The SST program of ${service} failed under mocks:\n${child.stderr.slice(-4000)}`);
  return JSON.parse(child.stdout) as MockRun;
}
