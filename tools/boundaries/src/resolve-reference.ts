import { posix } from 'node:path';
import { owningProject } from './owning-project';
import type { ReferenceKind, WorkspaceProject } from './types';

/** Which project a specifier reaches, and how; see {@link ReferenceKind}. */
export interface ResolvedReference {
  to: WorkspaceProject;
  kind: ReferenceKind;
}

/**
 * Which project a module specifier written in `file` (relative to the workspace root) reaches, and how:
 * its import name is the entry, anything after it or a path from the workspace root (`libs/x/src/y`, which
 * `baseUrl` would resolve) is deep, `./` and `../` paths are relative. A package of npm, a Node builtin or
 * a path of no project is `undefined`.
 *
 * @example
 * resolveReference('@inventario/events/src/envelope', 'apps/gateway/src/app.ts', projects);
 * // { to: <events>, kind: 'deep' }
 */
export function resolveReference(
  specifier: string,
  file: string,
  projects: readonly WorkspaceProject[],
): ResolvedReference | undefined {
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    const target = owningProject(posix.join(posix.dirname(file), specifier), projects);
    return target && { to: target, kind: 'relative' };
  }
  for (const project of projects) {
    if (project.importName === undefined) continue;
    if (specifier === project.importName) return { to: project, kind: 'entry' };
    if (specifier.startsWith(`${project.importName}/`)) return { to: project, kind: 'deep' };
  }
  const byPath = owningProject(posix.normalize(specifier), projects);
  return byPath && { to: byPath, kind: 'deep' };
}
