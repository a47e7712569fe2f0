/**
 * `npm run inv -- <command>`: the Inventario CLI on this process. Ctrl-C asks long work to stop after
 * the batch in hand; a second Ctrl-C quits at once (a replay loses nothing either way).
 */
import { EXIT } from './errors';
import { runCli } from './run-cli';

const stop = new AbortController();
process.on('SIGINT', () => {
  if (stop.signal.aborted) process.exit(130);
  stop.abort();
});
process.on('SIGTERM', () => stop.abort());

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
  stopSignal: stop.signal,
  ...(process.stderr.isTTY && { progressStream: process.stderr }),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`inv: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT.error;
  },
);
