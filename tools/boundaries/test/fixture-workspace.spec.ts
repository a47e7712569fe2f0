import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkBoundaries, collectReferences, type Workspace, type WorkspaceProject } from '../src';

const projects: WorkspaceProject[] = [
  { name: 'shop', root: 'apps/shop', type: 'app', importName: '@x/shop' },
  { name: 'till', root: 'apps/till', type: 'app', importName: '@x/till' },
  { name: 'core', root: 'libs/core', type: 'lib', importName: '@x/core' },
  { name: 'stack', root: 'tools/stack', type: 'tool', importName: '@x/stack' },
];

/** The graph Nx would build from the files below, minus what it cannot see: the Jest configuration path. */
const workspace: Workspace = {
  projects,
  dependencies: new Map([
    ['shop', new Set(['core', 'till'])],
    ['till', new Set(['core'])],
    ['core', new Set(['shop', 'stack'])],
    ['stack', new Set<string>()],
  ]),
};

const files: Record<string, string> = {
  'apps/shop/src/main.ts': "import { rule } from '@x/core';\nimport { till } from '@x/till';\n",
  'apps/shop/src/deep.ts': "import { rule } from '@x/core/src/rule';\n",
  'apps/till/src/main.ts': "import { rule } from '../../../libs/core/src/rule';\n",
  'apps/till/jest.config.cjs': "module.exports = { globalSetup: '<rootDir>/../../tools/stack/src/setup.ts' };\n",
  'libs/core/src/index.ts': "export { rule } from './rule';\nimport { shop } from '@x/shop';\n",
  'libs/core/src/rule.ts': "import { stack } from '@x/stack';\nexport const rule = 1;\n",
  'libs/core/test/support.ts': "import { stack } from '@x/stack';\n",
  'tools/stack/src/index.ts': "import { readFileSync } from 'node:fs';\nimport express from 'express';\n",
  'tools/stack/src/setup.ts': 'export default async function setup() {}\n',
};

describe('a workspace with one violation of each rule planted', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'boundaries-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(root, dirname(file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails on each planted violation, in the file that holds it, and on nothing else', () => {
    const violations = checkBoundaries(workspace, collectReferences(root, projects));
    const found = violations.map(({ rule, reference }) => `${reference.file} ${rule}`).sort();
    expect(found).toEqual([
      'apps/shop/src/deep.ts deep-import',
      'apps/shop/src/main.ts app-imports-app',
      'apps/till/jest.config.cjs undeclared-dependency',
      'apps/till/src/main.ts relative-import',
      'libs/core/src/index.ts lib-imports-app',
      'libs/core/src/rule.ts lib-imports-tool',
    ]);
  });

  it('passes once the violations are taken out', () => {
    const clean = [
      ['apps/shop/src/main.ts', "import { rule } from '@x/core';\n"],
      ['apps/shop/src/deep.ts', "import { rule } from '@x/core';\n"],
      ['apps/till/src/main.ts', "import { rule } from '@x/core';\n"],
      ['libs/core/src/index.ts', "export { rule } from './rule';\n"],
      ['libs/core/src/rule.ts', 'export const rule = 1;\n'],
    ] as const;
    for (const [file, text] of clean) writeFileSync(join(root, file), text);
    const declared: Workspace = { ...workspace, dependencies: new Map([...workspace.dependencies, ['till', new Set(['core', 'stack'])]]) };
    expect(checkBoundaries(declared, collectReferences(root, projects))).toEqual([]);
  });
});
