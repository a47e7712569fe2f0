import { pause } from '@inventario/dead-letters';
import { InvError } from '../errors';
import type { GatewayClient } from './gateway-client';

export type { CommandOutcome, OutcomeLine } from '@inventario/inventory-core';

/** What an `estado_url` answers: a command's outcome, or a reservation; `PENDIENTE` until it is processed. */
export interface StateRead {
  estado: string;
}

/**
 * Follows an `estado_url` until what it answers is final (a 404 or `PENDIENTE` means not processed yet):
 * a command's outcome (APLICADA, RECHAZADA), or a reservation (ACTIVA, RECHAZADA, or any later state).
 *
 * @throws InvError `SIN_RESULTADO` when it is still pending after `timeoutMs`, or when stopped.
 */
export async function waitForOutcome<T extends StateRead>(
  client: GatewayClient,
  estadoUrl: string,
  options: { timeoutMs: number; intervalMs?: number; stopSignal?: AbortSignal },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const answer = await client.get(estadoUrl, { allowNotFound: true });
    const outcome = answer.body as T | undefined;
    if (answer.status === 200 && outcome && outcome.estado !== 'PENDIENTE') return outcome;
    if (Date.now() >= deadline || options.stopSignal?.aborted) {
      throw new InvError('SIN_RESULTADO', `${estadoUrl} is still ${outcome?.estado ?? 'unknown (404)'} after ${Math.round(options.timeoutMs / 1000)} s`);
    }
    await pause(options.intervalMs ?? 200, options.stopSignal);
  }
}
