import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandEntry } from '@inventario/events';
import { findWorkspaceRoot, withOwnNodeFirst } from '@inventario/local-stack';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { redrive } from './dead-letters';

/** How a dead-letter queue was replayed. */
export type ReplayMethod = 'inv replay run' | 'send-then-delete in the chaos run';

/**
 * Replays a consumer's dead-letter queue with the operations CLI (`npm run inv -- replay run <app>`)
 * when the workspace has it; otherwise, or when it fails, moves the messages back itself, send before
 * delete.
 */
export async function replayDeadLetters(
  sqs: SQSClient,
  queueUrls: Record<string, string>,
  entry: CommandEntry,
  env: Record<string, string>,
  say: (line: string) => void,
): Promise<ReplayMethod> {
  const root = findWorkspaceRoot();
  if (hasInvScript(root)) {
    const result = await run(root, ['run', 'inv', '--', 'replay', 'run', entry.app], env);
    if (result.ok) return 'inv replay run';
    say(`npm run inv -- replay run ${entry.app} failed (${result.detail}); moving the messages back here`);
  }
  await redrive(sqs, queueUrls, entry);
  return 'send-then-delete in the chaos run';
}

function hasInvScript(root: string): boolean {
  if (!existsSync(join(root, 'tools', 'inv'))) return false;
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  return scripts['inv'] !== undefined;
}

function run(cwd: string, args: string[], env: Record<string, string>): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    execFile('npm', args, { cwd, env: withOwnNodeFirst({ ...process.env, ...env }), timeout: 120_000 }, (error, _stdout, stderr) => {
      resolve(error ? { ok: false, detail: `${error.message.split('\n')[0]} ${stderr.split('\n').slice(-3).join(' ')}`.trim() } : { ok: true, detail: '' });
    });
  });
}
