/** What {@link turnBatchedWriter} writes to: `process.stdout`, `process.stderr`, or a test's stand-in. */
export interface LineSink {
  write(text: string): unknown;
}

/** Where {@link turnBatchedWriter} is told that the process exits; `process` unless a test gives its own. */
export interface ExitSignal {
  once(event: 'exit', listener: () => void): unknown;
}

/**
 * Writes the lines given during one turn of the event loop as ONE write, at the end of that turn
 * (`setImmediate`), and whatever is left when the process exits. Why: under `npm start` and in the
 * tests' harness an app's stdout is a pipe, which Node writes synchronously on Linux, so a line a
 * request meant a system call and a wake-up of the reading process per request, on the same 2 cores as
 * the work; a busy gateway or consumer writes many lines per turn. Order is kept; a line can be lost
 * only if the process is killed outright (SIGKILL) in the turn that wrote it.
 *
 * @example
 * const out = turnBatchedWriter(process.stdout);
 * out('first'); out('second'); // one write of "first\nsecond\n" once this turn ends
 */
export function turnBatchedWriter(sink: LineSink, exit: ExitSignal = process): (line: string) => void {
  let pending: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    sink.write(text);
  };
  exit.once('exit', flush);
  return (line) => {
    pending.push(line);
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };
}
