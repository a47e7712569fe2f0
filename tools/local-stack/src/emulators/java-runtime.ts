import { execFile } from 'node:child_process';
import { JavaRuntimeMissingError } from '../errors';

/** Oldest Java major version DynamoDB Local runs on. */
export const MIN_JAVA_MAJOR = 17;

/**
 * Checks that `java -version` runs and reports Java 17 or newer; resolves to the major version.
 *
 * @throws JavaRuntimeMissingError when java is not on PATH, fails to run, or is too old.
 *
 * @example
 * ```ts
 * const major = await assertJavaRuntime(); // 17
 * ```
 */
export function assertJavaRuntime(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile('java', ['-version'], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      const output = `${stderr}${stdout}`.trim();
      if (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        const detail = missing
          ? '`java` was not found on PATH'
          : `\`java -version\` failed${output === '' ? '' : ` (${output.split('\n')[0]})`}`;
        reject(new JavaRuntimeMissingError(detail));
        return;
      }
      const major = parseJavaMajor(output);
      if (major !== undefined && major < MIN_JAVA_MAJOR) {
        reject(new JavaRuntimeMissingError(`found Java ${major}, which is too old`));
        return;
      }
      resolve(major ?? MIN_JAVA_MAJOR);
    });
  });
}

/**
 * The major version in `java -version` output: `"17.0.15"` is 17, the old style `"1.8.0_402"` is 8.
 *
 * @example
 * ```ts
 * parseJavaMajor('openjdk version "21.0.2" 2024-01-16'); // 21
 * ```
 */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}
