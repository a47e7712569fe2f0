import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson } from '@inventario/dead-letters';
import * as z from 'zod';

/** The file `npm start` writes while it runs (tools/local-stack, `state-file.ts`): its stack environment. */
const stateSchema = z.object({
  pid: z.number().int(),
  port: z.number().int(),
  env: z.record(z.string(), z.string()),
});

/** A running local system, as its state file describes it. */
export interface LocalState {
  path: string;
  env: Record<string, string>;
}

/** What looking for the state file found. */
export type LocalStateLookup = { found: LocalState } | { missing: string };

/**
 * Where `npm start` leaves the state of the system whose gateway listens on `port`. The naming is
 * `tools/local-stack`'s (`stackStatePath`); the two must agree.
 */
export function defaultStatePath(workspaceRoot: string, port: number): string {
  return join(workspaceRoot, '.data', `local-stack-${port}.json`);
}

/**
 * Reads a state file, if there is one whose writer still runs: a file left by a killed `npm start`
 * names emulators that are gone.
 */
export function readLocalState(path: string, isAlive: (pid: number) => boolean = processIsAlive): LocalStateLookup {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { missing: `no ${path} (is \`npm start\` running?)` };
  }
  const parsed = stateSchema.safeParse(parseJson(text));
  if (!parsed.success) return { missing: `${path} is not a local-stack state file` };
  if (!isAlive(parsed.data.pid)) return { missing: `${path} was left by a run that has ended (pid ${parsed.data.pid})` };
  return { found: { path, env: parsed.data.env } };
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is only someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
