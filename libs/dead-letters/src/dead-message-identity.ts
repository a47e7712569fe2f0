import type { DeadMessage } from './dead-message';

/** Which command a dead message carries, as every view of one (the console's, the CLI's JSON) names it first. */
export interface DeadMessageIdentity {
  message_id: string;
  tipo: string | null;
  orden_id: string | null;
  correlation_id: string | null;
  productos: string[];
}

/**
 * The identity of a decoded dead message, `null` where it could not be read.
 *
 * @example
 * ```ts
 * const json = { ...deadMessageIdentity(message), recepciones: message.receiveCount ?? null };
 * ```
 */
export function deadMessageIdentity(message: DeadMessage): DeadMessageIdentity {
  return {
    message_id: message.messageId,
    tipo: message.tipo ?? null,
    orden_id: message.ordenId ?? null,
    correlation_id: message.correlationId ?? null,
    productos: message.productIds,
  };
}
