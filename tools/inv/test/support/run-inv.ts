import { runCli } from '../../src/run-cli';

/** What one CLI run printed and how it ended. */
export interface InvRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for `--json` runs). */
  json<T = Record<string, unknown>>(): T;
}

/** Runs the CLI as a function, with the test's environment plus `env`, and captures what it prints. */
export async function inv(args: string[], env: Record<string, string | undefined> = {}, stopSignal?: AbortSignal): Promise<InvRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
    env: { ...process.env, ...env },
    stopSignal: stopSignal ?? new AbortController().signal,
  });
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}
