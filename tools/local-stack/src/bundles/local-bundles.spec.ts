import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundlesAreFresh, localBundleApps, localBundlesDir } from './local-bundles';

function write(path: string, at: Date): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  utimesSync(path, at, at);
}

describe('whether the apps need building before npm start', () => {
  const root = mkdtempSync(join(tmpdir(), 'bundles-'));
  const before = new Date(Date.now() - 60_000);
  const after = new Date(Date.now() - 30_000);
  write(join(root, 'apps/gateway/src/main.ts'), before);
  write(join(root, 'libs/events/src/index.ts'), before);
  write(join(root, 'tsconfig.base.json'), before);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('needs a build when a bundle is missing', () => {
    expect(bundlesAreFresh(root)).toBe(false);
  });

  it('needs none when every bundle is newer than every source', () => {
    for (const app of localBundleApps()) write(join(localBundlesDir(root), app, 'main.js'), after);
    expect(bundlesAreFresh(root)).toBe(true);
  });

  it('needs one again once a lib source changes', () => {
    write(join(root, 'libs/events/src/adapters/consume/new-step.ts'), new Date());
    expect(bundlesAreFresh(root)).toBe(false);
  });
});
