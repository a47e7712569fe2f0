import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProjectGraphAsync, type ProjectGraph } from '@nx/devkit';
import type { ProjectType, Workspace, WorkspaceProject } from './types';

const PROJECT_TYPES: readonly ProjectType[] = ['app', 'lib', 'tool', 'e2e', 'infra'];

/**
 * The workspace as Nx sees it: its projects (name, folder, `type:` tag, import name) and the
 * dependencies of its project graph, static and implicit alike.
 *
 * @example
 * const workspace = await readWorkspace(process.cwd());
 * workspace.dependencies.get('gateway')?.has('events'); // true
 */
export async function readWorkspace(workspaceRoot: string): Promise<Workspace> {
  return workspaceFromGraph(await createProjectGraphAsync({ exitOnError: false }), workspaceRoot);
}

/** {@link readWorkspace} for a graph already read. */
export function workspaceFromGraph(graph: ProjectGraph, workspaceRoot: string): Workspace {
  const projects: WorkspaceProject[] = Object.values(graph.nodes).map((node) => {
    const importName = packageName(workspaceRoot, node.data.root);
    return {
      name: node.name,
      root: node.data.root,
      type: projectType(node.data.tags ?? []),
      ...(importName !== undefined && { importName }),
    };
  });
  const dependencies = new Map(
    projects.map((project) => [
      project.name,
      new Set((graph.dependencies[project.name] ?? []).map((dependency) => dependency.target).filter((target) => target in graph.nodes)),
    ]),
  );
  return { projects, dependencies };
}

function projectType(tags: readonly string[]): ProjectType {
  const tagged = tags.find((tag) => tag.startsWith('type:'))?.slice('type:'.length);
  return PROJECT_TYPES.find((type) => type === tagged) ?? 'untagged';
}

function packageName(workspaceRoot: string, root: string): string | undefined {
  const manifest = join(workspaceRoot, root, 'package.json');
  if (!existsSync(manifest)) return undefined;
  const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
  return typeof name === 'string' ? name : undefined;
}
