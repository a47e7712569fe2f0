import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { cpus } from 'node:os';
import type { Figure } from './figure';

/** The JSON the bench writes: when, where, with which settings, and every figure. */
export interface BenchResults {
  label: string;
  startedAt: string;
  machine: { cpus: number; node: string; platform: string };
  settings: Record<string, number | string>;
  figures: Figure[];
}

/**
 * Writes the results as pretty JSON, creating the folder (`dist/bench/` by default, git-ignored).
 *
 * @example
 * ```ts
 * await writeResults('dist/bench/results.json', { label: 'after', ... });
 * ```
 */
export async function writeResults(path: string, results: BenchResults): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}

/** What the results record of this machine. */
export function machineFacts(): BenchResults['machine'] {
  return { cpus: cpus().length, node: process.version, platform: process.platform };
}
