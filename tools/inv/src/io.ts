/**
 * Everything the CLI touches outside itself, injected so tests run it as a function: the output streams,
 * the environment, the clock and the stop request (Ctrl-C).
 */
export interface CliIo {
  /** Writes to stdout: results (tables, or JSON with `--json`). */
  out(text: string): void;
  /** Writes to stderr: progress, warnings and errors for people. */
  err(text: string): void;
  /** The environment configuration is read from, once. */
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted when the user asks to stop: long work ends after the batch in hand. */
  stopSignal: AbortSignal;
  /** A terminal to draw a progress bar on, when stderr is one; none in tests and pipes. */
  progressStream?: NodeJS.WriteStream;
  /** Now; default the system clock. */
  now?: () => Date;
}
