import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { NPM_START_LAUNCHER } from '../src/testing/npm-start-process';
import { findWorkspaceRoot, withOwnNodeFirst } from '../src/workspace';

const root = findWorkspaceRoot();
const bundle = join(root, 'dist', 'local-stack', 'start.js');
const entry = join(root, 'tools', 'local-stack', 'src', 'start.ts');

function runLauncher(): string {
  return execFileSync(process.execPath, [join(root, NPM_START_LAUNCHER), '--help'], { cwd: root, env: withOwnNodeFirst({ ...process.env }), encoding: 'utf8' });
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
    const inputs = JSON.parse(readFileSync(join(root, 'dist', 'local-stack', 'start.inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('tools/local-stack/src/start.ts');
    expect(inputs).toContain('libs/events/src/index.ts');
  });
});
