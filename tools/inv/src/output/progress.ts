import { SingleBar } from 'cli-progress';

/** Reports how far long work has got. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar on the terminal when there is one; nothing otherwise (pipes, `--json`, tests), so
 * stdout stays clean for scripts.
 */
export function createProgress(stream: NodeJS.WriteStream | undefined, label: string): Progress {
  if (stream === undefined) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream,
    format: `${label} [{bar}] {value}/{total} | {duration_formatted}`,
    hideCursor: true,
    clearOnComplete: false,
  });
  let started = false;
  return {
    update: (done, total) => {
      const size = Math.max(total, done);
      if (!started) {
        bar.start(size, done);
        started = true;
        return;
      }
      bar.setTotal(size);
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
