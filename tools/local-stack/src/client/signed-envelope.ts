import { randomUUID } from 'node:crypto';
import type { CommandEnvelope } from '@inventario/events';
import { signTimestamped } from '@inventario/signature';

/** Options of {@link signedEnvelope}. */
export interface SignedEnvelopeOptions {
  /** When the gateway accepted it (its `ocurrido` and the signature's time); default now. */
  acceptedAt?: Date;
  /** Default a fresh UUID. */
  correlationId?: string;
  /** Default the body's `orden_id`. */
  ordenId?: string;
}

/**
 * A command as the gateway publishes it: the client's body signed with `key` in the timestamped form,
 * in its envelope. For tests and tools that publish straight to a topic or a queue, as a producer (or an
 * attacker, with the wrong key) could.
 *
 * @example
 * ```ts
 * const envelope = signedEnvelope('OrdenCompra', { orden_id: 'o-1', producto_id: 'PRO001', cantidad: 1, nombre: 'X', precio: 1 }, key);
 * ```
 */
export function signedEnvelope(tipo: CommandEnvelope['tipo'], body: Record<string, unknown>, key: string, options: SignedEnvelopeOptions = {}): CommandEnvelope {
  const raw = JSON.stringify(body);
  const acceptedAt = options.acceptedAt ?? new Date();
  return {
    id: randomUUID(),
    tipo,
    ocurrido: acceptedAt.toISOString(),
    correlation_id: options.correlationId ?? randomUUID(),
    orden_id: options.ordenId ?? String(body.orden_id),
    cuerpo: Buffer.from(raw).toString('base64'),
    firma: signTimestamped(key, raw, Math.floor(acceptedAt.getTime() / 1000)),
  };
}
