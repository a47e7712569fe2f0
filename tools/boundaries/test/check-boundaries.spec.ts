import { checkBoundaries, type ProjectReference, type Workspace, type WorkspaceProject } from '../src';

const projects: WorkspaceProject[] = [
  { name: 'shop', root: 'apps/shop', type: 'app', importName: '@x/shop' },
  { name: 'till', root: 'apps/till', type: 'app', importName: '@x/till' },
  { name: 'core', root: 'libs/core', type: 'lib', importName: '@x/core' },
  { name: 'stack', root: 'tools/stack', type: 'tool', importName: '@x/stack' },
  { name: 'shop-e2e', root: 'apps/shop-e2e', type: 'e2e', importName: '@x/shop-e2e' },
];

/** A graph where every pair below is declared, so only the rule under test can fire. */
function workspace(extra: Record<string, string[]> = {}): Workspace {
  const declared: Record<string, string[]> = {
    shop: ['core', 'till', 'stack'],
    core: ['shop', 'stack'],
    'shop-e2e': ['shop', 'core', 'stack'],
    ...extra,
  };
  return { projects, dependencies: new Map(Object.entries(declared).map(([from, to]) => [from, new Set(to)])) };
}

function reference(partial: Partial<ProjectReference> & Pick<ProjectReference, 'from' | 'to'>): ProjectReference {
  return { file: `${partial.from}/src/file.ts`, specifier: `@x/${partial.to}`, kind: 'entry', inTest: false, ...partial };
}

const rulesOf = (ws: Workspace, ref: ProjectReference) => checkBoundaries(ws, [ref]).map((violation) => violation.rule);

describe('checkBoundaries', () => {
  it('refuses an app importing another app', () => {
    expect(rulesOf(workspace(), reference({ from: 'shop', to: 'till' }))).toEqual(['app-imports-app']);
  });

  it('refuses a lib importing an app, even from its tests', () => {
    expect(rulesOf(workspace(), reference({ from: 'core', to: 'shop' }))).toEqual(['lib-imports-app']);
    expect(rulesOf(workspace(), reference({ from: 'core', to: 'shop', inTest: true }))).toEqual(['lib-imports-app']);
  });

  it('refuses a lib importing a tool from what it ships, and lets its tests use one', () => {
    expect(rulesOf(workspace(), reference({ from: 'core', to: 'stack' }))).toEqual(['lib-imports-tool']);
    expect(rulesOf(workspace(), reference({ from: 'core', to: 'stack', inTest: true }))).toEqual([]);
  });

  it('refuses a relative path into another project', () => {
    const ref = reference({ from: 'shop', to: 'core', kind: 'relative', specifier: '../../../libs/core/src/rules' });
    expect(rulesOf(workspace({ shop: ['core'] }), ref)).toEqual(['relative-import']);
  });

  it('refuses a path past the entry of another project', () => {
    const ref = reference({ from: 'shop', to: 'core', kind: 'deep', specifier: '@x/core/src/rules' });
    expect(rulesOf(workspace({ shop: ['core'] }), ref)).toEqual(['deep-import']);
  });

  it('refuses the use of a project the graph does not declare', () => {
    expect(rulesOf(workspace({ shop: [] }), reference({ from: 'shop', to: 'core' }))).toEqual(['undeclared-dependency']);
  });

  it('holds a configuration path to the declared-dependency rule only', () => {
    const ref = reference({ from: 'core', to: 'stack', kind: 'config', specifier: '<rootDir>/../../tools/stack/setup.ts', inTest: true });
    expect(rulesOf(workspace(), ref)).toEqual([]);
    expect(rulesOf(workspace({ core: [] }), ref)).toEqual(['undeclared-dependency']);
  });

  it('lets an app, a lib and an end-to-end project use a lib by its name', () => {
    const ws = workspace({ shop: ['core'] });
    const refs = [reference({ from: 'shop', to: 'core' }), reference({ from: 'shop-e2e', to: 'core' }), reference({ from: 'shop-e2e', to: 'stack' })];
    expect(checkBoundaries(ws, refs)).toEqual([]);
  });

  it('names the rule, the projects and the specifier in each violation', () => {
    const [violation] = checkBoundaries(workspace(), [reference({ from: 'shop', to: 'till', specifier: '@x/till' })]);
    expect(violation?.message).toBe("app shop imports app till ('@x/till'): apps share code through a lib");
  });
});
