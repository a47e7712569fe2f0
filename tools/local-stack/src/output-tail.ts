/**
 * Keeps the last lines written by a child process, to explain a failure without flooding the terminal.
 *
 * @example
 * ```ts
 * const tail = new OutputTail(40);
 * child.stderr.on('data', (chunk) => tail.push(chunk));
 * console.error(tail.text());
 * ```
 */
export class OutputTail {
  private buffer = '';

  constructor(private readonly maxLines = 40) {}

  /** Appends a chunk of output. */
  push(chunk: Buffer | string): void {
    this.buffer += chunk.toString();
    const lines = this.buffer.split('\n');
    if (lines.length > this.maxLines * 2) this.buffer = lines.slice(-this.maxLines - 1).join('\n');
  }

  /** The last `maxLines` lines. */
  text(): string {
    return this.buffer.split('\n').slice(-this.maxLines - 1).join('\n').trimEnd();
  }
}
