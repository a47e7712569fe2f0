/** Jest `globalTeardown`: stops the stack `global-setup.ts` started and waits until it has exited. */
import { RUNNING_STACK } from './running-stack';

/** Stops the stack, if one was started. */
export default async function globalTeardown(): Promise<void> {
  await RUNNING_STACK.take()?.stop();
}
