/** What a project is, from its `type:` tag; the rules are written in these terms. */
export type ProjectType = 'app' | 'lib' | 'tool' | 'e2e' | 'infra' | 'untagged';

/** One Nx project, as the rules see it. */
export interface WorkspaceProject {
  name: string;
  /** Its folder, relative to the workspace root, with `/` separators: `libs/events`. */
  root: string;
  type: ProjectType;
  /** The name other projects import it by (its package.json `name`): `@inventario/events`. */
  importName?: string;
}

/** The projects and the dependencies the Nx project graph declares between them (by project name). */
export interface Workspace {
  projects: readonly WorkspaceProject[];
  dependencies: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * How a file reaches another project: through its entry (`@inventario/events`), past it
 * (`@inventario/events/src/x`, `libs/events/src/x`), by a relative path (`../../libs/events/src/x`), or as a
 * path in a test runner's configuration (`<rootDir>/../../tools/local-stack/...` in `jest.config.cjs`).
 */
export type ReferenceKind = 'entry' | 'deep' | 'relative' | 'config';

/** One file of one project using another project. */
export interface ProjectReference {
  from: string;
  to: string;
  /** The file, relative to the workspace root. */
  file: string;
  specifier: string;
  kind: ReferenceKind;
  /** A spec, a file under `test/`, or a test runner's configuration: not part of what the project ships. */
  inTest: boolean;
}

/** The rules a reference can break. */
export type RuleName =
  | 'app-imports-app'
  | 'lib-imports-app'
  | 'lib-imports-tool'
  | 'relative-import'
  | 'deep-import'
  | 'undeclared-dependency';

/** A broken rule, with the reference that broke it. */
export interface Violation {
  rule: RuleName;
  reference: ProjectReference;
  message: string;
}
