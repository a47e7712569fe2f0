import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { NPM_START_LAUNCHER } from '../src/testing/npm-start-process';
import { findWorkspaceRoot, withOwnNodeFirst } from '../src/workspace';

const root = findWorkspaceRoot();
const entry = join(root, 'tools', 'local-stack', 'src', 'start.ts');
// A bundle folder of its own (other tests start npm start at the same time, each maybe building
// dist/local-stack), inside the workspace so that the bundle finds its packages and nx.json.
mkdirSync(join(root, 'dist'), { recursive: true });
const outDir = mkdtempSync(join(root, 'dist', 'start-launcher-test-'));
const bundle = join(outDir, 'start.js');
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function runLauncher(): string {
  return execFileSync(process.execPath, [join(root, NPM_START_LAUNCHER), '--help'], {
    cwd: root,
    env: withOwnNodeFirst({ ...process.env, INVENTARIO_START_BUNDLE_DIR: outDir }),
    encoding: 'utf8',
  });
}

describe('the npm start launcher', () => {
  it('is what the start script of package.json runs', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(manifest.scripts['start']).toBe(`node ${NPM_START_LAUNCHER}`);
  });

  it('runs start.ts from its bundle, rebuilt when a file it was built from is newer, reused otherwise', () => {
    expect(runLauncher()).toContain('usage: npm start');
    const built = statSync(bundle).mtimeMs;

    expect(runLauncher()).toContain('usage: npm start');
    expect(statSync(bundle).mtimeMs).toBe(built);

    // Touched (same content): the entry now looks newer than the bundle, so the next start rebuilds it.
    const later = new Date(Math.ceil(built) + 1);
    utimesSync(entry, later, later);
    expect(runLauncher()).toContain('usage: npm start');
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(built);
    const inputs = JSON.parse(readFileSync(join(outDir, 'start.inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('tools/local-stack/src/start.ts');
    expect(inputs).toContain('libs/events/src/index.ts');
  });
});
