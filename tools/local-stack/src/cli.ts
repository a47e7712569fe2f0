/**
 * Runs the local stack on its own: `npx tsx tools/local-stack/src/cli.ts [--in-memory] [--data-dir DIR]`.
 * Prints one JSON line `{"ready":true,"env":{...}}` on stdout when ready; people's messages go to stderr.
 * Stops on SIGINT, SIGTERM, SIGHUP, or when stdin (if a pipe) closes.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatReadyLine } from './ready-line';
import { startLocalStack, type LocalStack } from './stack';
import { onStopRequest } from './stop-signals';
import { defaultDataDir } from './workspace';

const USAGE = 'usage: cli.ts [--in-memory] [--data-dir DIR]';

function log(message: string): void {
  process.stderr.write(`local-stack: ${message}\n`);
}

function readOptions(): { dataDir: string | undefined } {
  const { values } = parseArgs({
    options: { 'in-memory': { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values['in-memory'] && values['data-dir'] !== undefined) throw new Error('--in-memory and --data-dir exclude each other');
  if (values['in-memory']) return { dataDir: undefined };
  return { dataDir: resolve(values['data-dir'] ?? defaultDataDir()) };
}

async function main(): Promise<void> {
  let options: { dataDir: string | undefined };
  try {
    options = readOptions();
  } catch (error) {
    log(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }

  let stack: LocalStack | undefined;
  onStopRequest(
    (reason) => {
      // While still starting there is nothing to stop politely: exiting kills the JVM (see startDynamoDb).
      if (!stack) {
        log(`${reason} while starting; exiting`);
        process.exit(0);
      }
      log(`${reason}: stopping`);
      stack.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log(`could not stop cleanly: ${(error as Error).message}`);
          process.exit(1);
        },
      );
    },
    () => process.exit(1),
  );

  const startedAt = Date.now();
  try {
    stack = await startLocalStack({ dataDir: options.dataDir });
  } catch (error) {
    const [first, ...rest] = String((error as Error).message ?? error).split('\n');
    log(`failed to start: ${first}`);
    if (rest.length > 0) process.stderr.write(`${rest.join('\n')}\n`);
    process.exit(1);
  }
  log(
    `ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: DynamoDB ${stack.env.AWS_ENDPOINT_URL_DYNAMODB}, ` +
      `SNS/SQS ${stack.env.AWS_ENDPOINT_URL_SQS}, data ${options.dataDir ?? 'in memory'}`,
  );
  process.stdout.write(formatReadyLine(stack.env));
  void stack.unexpectedExit.then(async (reason) => {
    log(reason);
    await stack?.stop().catch(() => undefined);
    process.exit(1);
  });
}

void main();
