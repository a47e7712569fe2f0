import type { SpawnedLocalStack } from '../spawn-stack';

const KEY = Symbol.for('inventario.local-stack.running');

/**
 * Hands the stack from `globalSetup` to `globalTeardown`. They run in the same process but Jest loads each
 * in its own module registry, so the stack is kept on `globalThis` under a registered symbol.
 *
 * @example
 * ```ts
 * RUNNING_STACK.set(stack);        // in globalSetup
 * await RUNNING_STACK.take()?.stop(); // in globalTeardown
 * ```
 */
export const RUNNING_STACK = {
  /** Remembers the running stack. */
  set(stack: SpawnedLocalStack): void {
    (globalThis as Record<symbol, unknown>)[KEY] = stack;
  },
  /** The running stack, forgotten as it is returned. */
  take(): SpawnedLocalStack | undefined {
    const holder = globalThis as Record<symbol, unknown>;
    const stack = holder[KEY] as SpawnedLocalStack | undefined;
    delete holder[KEY];
    return stack;
  },
};
