import { pause } from '@inventario/dead-letters';
import { InvError } from '../errors';
import type { CommandOutcome } from '@inventario/inventory-core';
import type { GatewayClient } from './gateway-client';

export type { CommandOutcome } from '@inventario/inventory-core';

/**
 * Follows an `estado_url` until the outcome is final (a 404 or `PENDIENTE` means not processed yet).
 *
 * @throws InvError `SIN_RESULTADO` when it is still pending after `timeoutMs`, or when stopped.
 */
export async function waitForOutcome(
  client: GatewayClient,
  estadoUrl: string,
  options: { timeoutMs: number; intervalMs?: number; stopSignal?: AbortSignal },
): Promise<CommandOutcome> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const answer = await client.get(estadoUrl, { allowNotFound: true });
    const outcome = answer.body as CommandOutcome | undefined;
    if (answer.status === 200 && outcome && outcome.estado !== 'PENDIENTE') return outcome;
    if (Date.now() >= deadline || options.stopSignal?.aborted) {
      throw new InvError('SIN_RESULTADO', `${estadoUrl} is still ${outcome?.estado ?? 'unknown (404)'} after ${Math.round(options.timeoutMs / 1000)} s`);
    }
    await pause(options.intervalMs ?? 200, options.stopSignal);
  }
}
