/**
 * `npm run chaos -- [--commands N] [--products N] [--kill-every-ms MS] [--min-kills N] [--seed N]
 * [--json FILE] [--logs DIR]`: the chaos run (see `chaos/run-chaos.ts`). Prints what happened and every violated
 * invariant; exits 1 on any violation or failure, 0 otherwise.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runChaos, type ChaosOptions } from './chaos/run-chaos';

function readOptions(): { options: ChaosOptions; json: string | undefined } {
  const { values } = parseArgs({
    options: {
      commands: { type: 'string', default: '5000' },
      products: { type: 'string', default: '300' },
      'kill-every-ms': { type: 'string', default: '3000' },
      'min-kills': { type: 'string', default: '4' },
      seed: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '16' },
      'timeout-s': { type: 'string', default: '900' },
      json: { type: 'string' },
      logs: { type: 'string' },
    },
    strict: true,
  });
  const int = (name: keyof typeof values): number => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
    return value;
  };
  return {
    options: {
      commands: int('commands'),
      products: int('products'),
      killEveryMs: int('kill-every-ms'),
      minKills: int('min-kills'),
      duplicateShare: 0.1,
      concurrency: int('concurrency'),
      seed: int('seed'),
      timeoutMs: int('timeout-s') * 1000,
      ...(values.logs !== undefined && { logDir: resolve(values.logs) }),
    },
    json: values.json,
  };
}

async function main(): Promise<number> {
  const { options, json } = readOptions();
  const say = (line: string): void => void process.stderr.write(`chaos: ${line}\n`);
  const report = await runChaos(options, say);
  const { violations, ...facts } = report;
  process.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
  if (json !== undefined) {
    await mkdir(dirname(resolve(json)), { recursive: true });
    await writeFile(resolve(json), `${JSON.stringify(report, null, 2)}\n`);
  }
  if (violations.length === 0) {
    say('no invariant was violated');
    return 0;
  }
  say(`${violations.length} violations:`);
  for (const violation of violations.slice(0, 50)) say(`  ${violation}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`chaos: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
