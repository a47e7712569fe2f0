import { fstatSync } from 'node:fs';

/** Why a process is asked to stop. */
export type StopReason = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'stdin closed';

/**
 * Calls `onStop` once, on the first of SIGINT, SIGTERM, SIGHUP, or, when stdin is a pipe or socket (a parent
 * process holds it), stdin closing: a parent that dies without a word still stops its child. A second
 * signal while stopping calls `onForce`.
 *
 * @example
 * ```ts
 * onStopRequest((reason) => void stack.stop().then(() => process.exit(0)), () => process.exit(130));
 * ```
 */
export function onStopRequest(onStop: (reason: StopReason) => void, onForce: (reason: StopReason) => void): void {
  let requested = false;
  const request = (reason: StopReason): void => {
    if (requested) {
      if (reason !== 'stdin closed') onForce(reason);
      return;
    }
    requested = true;
    onStop(reason);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => request(signal));
  if (stdinIsPipe()) {
    process.stdin.on('end', () => request('stdin closed'));
    process.stdin.on('close', () => request('stdin closed'));
    process.stdin.on('error', () => request('stdin closed'));
    process.stdin.resume();
  }
}

/** True when fd 0 is a pipe or socket, not a terminal or /dev/null (whose end would mean nothing). */
function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}
