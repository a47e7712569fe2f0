import type { Command } from '../../command';
import type { ApplyContext, ApplyResult } from '../../ports';
import { applyCommands, type ApplySettings } from './apply-commands';

export type { ApplySettings } from './apply-commands';

/**
 * Applies one command exactly once: a group of one (see {@link applyCommands}), so the single and the
 * batched path are the same code. Reads its record and products, decides, writes one transaction
 * conditioned on the versions read and on the record being absent or PENDIENTE; decides again after a
 * concurrent change, up to `maxConflictRetries` times.
 *
 * @throws ConflictRetriesExhaustedError when the products kept changing; any other store error as is.
 */
export async function applyCommand(settings: ApplySettings, command: Command, context: ApplyContext): Promise<ApplyResult> {
  const [result] = await applyCommands(settings, [{ command, context }]);
  if (!result?.ok) throw result?.error;
  return result.result;
}
