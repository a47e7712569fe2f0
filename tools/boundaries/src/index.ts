/**
 * `@inventario/boundaries`: the workspace's module boundaries, checked from the Nx project graph and the
 * imports the TypeScript parser finds in every project's files. See `checkBoundaries` for the rules.
 */
export { checkBoundaries } from './check-boundaries';
export { checkWorkspace, type WorkspaceCheck } from './check-workspace';
export { collectReferences } from './collect-references';
export { expandRootDir, findConfigPaths } from './find-config-paths';
export { findImportSpecifiers } from './find-import-specifiers';
export { isTestFile } from './is-test-file';
export { owningProject } from './owning-project';
export { readWorkspace, workspaceFromGraph } from './read-workspace';
export { resolveReference, type ResolvedReference } from './resolve-reference';
export type { ProjectReference, ProjectType, ReferenceKind, RuleName, Violation, Workspace, WorkspaceProject } from './types';
