import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { expandRootDir, findConfigPaths } from './find-config-paths';
import { findImportSpecifiers } from './find-import-specifiers';
import { isTestFile } from './is-test-file';
import { owningProject } from './owning-project';
import { resolveReference } from './resolve-reference';
import type { ProjectReference, WorkspaceProject } from './types';

const SOURCE_FILE = /\.(ts|cts|mts|js|cjs|mjs)$/;
const NOT_SOURCE_FOLDERS = new Set(['node_modules', 'dist', '.nx', '.sst', '.data', 'coverage']);

/**
 * Every use of one project by another in the workspace at `workspaceRoot`: each project's source files
 * (TypeScript and JavaScript, configs included) read for their imports, and its Jest configuration for
 * `<rootDir>` paths. Uses of a project by itself, of npm packages and of Node builtins are left out.
 *
 * @example
 * collectReferences(process.cwd(), workspace.projects).filter((r) => r.to === 'local-stack');
 */
export function collectReferences(workspaceRoot: string, projects: readonly WorkspaceProject[]): ProjectReference[] {
  return projects.flatMap((project) =>
    sourceFiles(workspaceRoot, project.root)
      .filter((file) => owningProject(file, projects)?.name === project.name)
      .flatMap((file) => referencesOf(workspaceRoot, file, project, projects)),
  );
}

function referencesOf(
  workspaceRoot: string,
  file: string,
  project: WorkspaceProject,
  projects: readonly WorkspaceProject[],
): ProjectReference[] {
  const text = readFileSync(join(workspaceRoot, file), 'utf8');
  const inTest = isTestFile(posix.relative(project.root, file));
  const imports = findImportSpecifiers(file, text).flatMap((specifier) => {
    const resolved = resolveReference(specifier, file, projects);
    return resolved ? [{ from: project.name, to: resolved.to.name, file, specifier, kind: resolved.kind, inTest }] : [];
  });
  const configs = posix.basename(file).startsWith('jest.config.')
    ? findConfigPaths(file, text).flatMap((path) => {
        const target = owningProject(posix.normalize(expandRootDir(path, posix.dirname(file))), projects);
        return target ? [{ from: project.name, to: target.name, file, specifier: path, kind: 'config' as const, inTest }] : [];
      })
    : [];
  return [...imports, ...configs].filter((reference) => reference.to !== reference.from);
}

function sourceFiles(workspaceRoot: string, folder: string): string[] {
  return readdirSync(join(workspaceRoot, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(folder, entry.name);
    if (entry.isDirectory()) return NOT_SOURCE_FOLDERS.has(entry.name) ? [] : sourceFiles(workspaceRoot, path);
    return entry.isFile() && SOURCE_FILE.test(entry.name) ? [path] : [];
  });
}
