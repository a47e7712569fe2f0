import { checkBoundaries } from './check-boundaries';
import { collectReferences } from './collect-references';
import { readWorkspace } from './read-workspace';
import type { ProjectReference, Violation } from './types';

/** What one check of the whole workspace found. */
export interface WorkspaceCheck {
  references: ProjectReference[];
  violations: Violation[];
}

/**
 * Reads the Nx graph and every project's imports at `workspaceRoot`, and checks them.
 *
 * @example
 * const { violations } = await checkWorkspace(process.cwd());
 */
export async function checkWorkspace(workspaceRoot: string): Promise<WorkspaceCheck> {
  const workspace = await readWorkspace(workspaceRoot);
  const references = collectReferences(workspaceRoot, workspace.projects);
  return { references, violations: checkBoundaries(workspace, references) };
}
