import { posix } from 'node:path';

/**
 * Whether a file of a project (its path relative to the project's folder) is there for its tests: a
 * `*.spec.*` or `*.test.*`, anything under `test/`, or a Jest configuration. Such files may use a testing
 * tool (`@inventario/local-stack`); what a project ships may not.
 *
 * @example
 * isTestFile('test/support/local-dynamodb.ts'); // true
 * isTestFile('src/store/dynamo/cursor.ts');     // false
 */
export function isTestFile(pathInProject: string): boolean {
  const name = posix.basename(pathInProject);
  return (
    pathInProject.startsWith('test/') ||
    name.startsWith('jest.config.') ||
    /\.(spec|test)\.[cm]?[jt]s$/.test(name)
  );
}
