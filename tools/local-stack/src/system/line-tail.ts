/**
 * The last lines an app printed: enough to explain a failure, never the whole (large) log of a run.
 *
 * @example
 * ```ts
 * const tail = new LineTail(40);
 * tail.push('a line');
 * tail.text(); // 'a line'
 * ```
 */
export class LineTail {
  private readonly lines: string[] = [];

  constructor(private readonly size: number) {}

  /** Keeps a line, dropping the oldest beyond `size`. */
  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.shift();
  }

  /** The kept lines, oldest first. */
  text(): string {
    return this.lines.join('\n');
  }
}
