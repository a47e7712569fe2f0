import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root (the folder with `nx.json`) this CLI runs from; undefined outside one. */
export function findWorkspaceRoot(start: string = __dirname): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
