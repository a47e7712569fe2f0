import type { CommandOutcome } from '@inventario/inventory-core';
import { notYet, waitUntil } from '@inventario/local-stack';
import request from 'supertest';

/** A command's outcome, as `GET estado_url` answers it (the contract's shape, from the core). */
export type Outcome = CommandOutcome;

/** Follows an `estado_url` until the command's outcome is final. */
export async function waitForOutcome(baseUrl: string, estadoUrl: string | undefined, timeoutMs = 60_000): Promise<Outcome> {
  if (estadoUrl === undefined) throw new Error('the answer had no estado_url to follow');
  return waitUntil(
    async () => {
      const response = await request(baseUrl).get(estadoUrl);
      if (response.status === 200 && response.body.estado !== 'PENDIENTE') return response.body as Outcome;
      return notYet(`No final outcome at ${estadoUrl}: ${response.status} ${JSON.stringify(response.body)}`);
    },
    { timeoutMs, intervalMs: 100 },
  );
}
