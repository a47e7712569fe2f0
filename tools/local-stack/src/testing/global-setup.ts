/**
 * Jest `globalSetup`: starts an in-memory local stack in a child process and puts its environment in
 * `process.env`, which the test workers inherit. Use with the matching `global-teardown.ts`:
 *
 * ```js
 * globalSetup: '<rootDir>/../../tools/local-stack/src/testing/global-setup.ts',
 * globalTeardown: '<rootDir>/../../tools/local-stack/src/testing/global-teardown.ts',
 * ```
 */
import { spawnLocalStack } from '../spawn-stack';
import { RUNNING_STACK } from './running-stack';

/** Starts the stack; rejects after 60 s with the child's stderr tail if it does not come up. */
export default async function globalSetup(): Promise<void> {
  const stack = await spawnLocalStack({ args: ['--in-memory'], timeoutMs: 60_000 });
  Object.assign(process.env, stack.env);
  RUNNING_STACK.set(stack);
}
