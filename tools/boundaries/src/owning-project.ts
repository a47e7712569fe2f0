import type { WorkspaceProject } from './types';

/**
 * The project whose folder holds `file` (both relative to the workspace root), the innermost one when
 * folders nest; `undefined` for a file of no project (`sst.config.ts`, `jest.preset.cjs`).
 *
 * @example
 * owningProject('libs/events/src/contract/envelope.ts', projects)?.name; // 'events'
 */
export function owningProject(file: string, projects: readonly WorkspaceProject[]): WorkspaceProject | undefined {
  let best: WorkspaceProject | undefined;
  for (const project of projects) {
    const inside = file === project.root || file.startsWith(`${project.root}/`);
    if (inside && (best === undefined || project.root.length > best.root.length)) best = project;
  }
  return best;
}
