import type { ProjectReference, ProjectType, RuleName, Violation, Workspace } from './types';

/**
 * Every rule the references break:
 * - an app never uses another app (`app-imports-app`);
 * - a lib never uses an app (`lib-imports-app`), nor a tool from what it ships (`lib-imports-tool`; its
 *   specs and `test/` files may use a testing tool);
 * - another project is imported through its entry only: no relative path into it (`relative-import`), no
 *   path past its `src/index.ts` (`deep-import`);
 * - every project a file uses is a dependency the Nx graph declares (`undeclared-dependency`), so the
 *   cache and `affected` know about it. Configuration paths (`config`) are held to this rule only.
 *
 * Pure: the graph and the references come in, the violations go out.
 *
 * @example
 * checkBoundaries(workspace, references).map((v) => v.rule); // ['deep-import']
 */
export function checkBoundaries(workspace: Workspace, references: readonly ProjectReference[]): Violation[] {
  const types = new Map(workspace.projects.map((project) => [project.name, project.type]));
  const typeOf = (name: string): ProjectType => types.get(name) ?? 'untagged';
  return references.flatMap((reference) =>
    brokenRules(reference, typeOf(reference.from), typeOf(reference.to), workspace).map((rule) => ({
      rule,
      reference,
      message: describe(rule, reference),
    })),
  );
}

function brokenRules(reference: ProjectReference, from: ProjectType, to: ProjectType, workspace: Workspace): RuleName[] {
  const broken: RuleName[] = [];
  const isImport = reference.kind !== 'config';
  if (isImport && from === 'app' && to === 'app') broken.push('app-imports-app');
  if (isImport && from === 'lib' && to === 'app') broken.push('lib-imports-app');
  if (isImport && from === 'lib' && to === 'tool' && !reference.inTest) broken.push('lib-imports-tool');
  if (reference.kind === 'relative') broken.push('relative-import');
  if (reference.kind === 'deep') broken.push('deep-import');
  if (!workspace.dependencies.get(reference.from)?.has(reference.to)) broken.push('undeclared-dependency');
  return broken;
}

function describe(rule: RuleName, { from, to, specifier }: ProjectReference): string {
  switch (rule) {
    case 'app-imports-app':
      return `app ${from} imports app ${to} ('${specifier}'): apps share code through a lib`;
    case 'lib-imports-app':
      return `lib ${from} imports app ${to} ('${specifier}')`;
    case 'lib-imports-tool':
      return `lib ${from} imports tool ${to} ('${specifier}') outside its tests`;
    case 'relative-import':
      return `'${specifier}' reaches into ${to} by a relative path: import it by its name`;
    case 'deep-import':
      return `'${specifier}' goes past the entry of ${to}: import what its src/index.ts exports`;
    case 'undeclared-dependency':
      return `${from} uses ${to} ('${specifier}') but the Nx graph has no ${from} -> ${to} dependency: declare it (implicitDependencies) or import it by its name`;
  }
}
