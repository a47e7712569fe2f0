import type { DeadMessage, SignatureCheck } from './dead-message';
import { deadMessageIdentity, type DeadMessageIdentity } from './dead-message-identity';

/** Why a message sits in a dead-letter queue when no consumer quarantined it: it failed every receive. */
export const RECEIVES_EXHAUSTED = 'REINTENTOS_AGOTADOS';

/**
 * A dead message as it may be shown to people outside a terminal (a web page): what it is, why it is
 * there and how often it was received. Never the SQS body, the envelope, the client's signature header nor
 * any attribute value beyond the reason, so nothing that could sign or forge a command leaves.
 */
export interface DeadLetterSummary extends DeadMessageIdentity {
  /** The consumer's `motivo_cuarentena`, else {@link RECEIVES_EXHAUSTED}. */
  motivo: string;
  detalle: string | null;
  recepciones: number | null;
  /** ISO 8601: when the gateway accepted the command. */
  aceptado: string | null;
  /** Whether the client's signature still verifies (the outcome of the check, not the signature). */
  verificacion_firma: SignatureCheck;
  /** A replay leaves it in the dead-letter queue unless told to include tampered messages. */
  apartado: boolean;
}

/**
 * The summary of a decoded dead message.
 *
 * @example
 * ```ts
 * const shown = (await peekMessages(sqs, dlqUrl, { max: 20, keyRing })).map(summarizeDeadMessage);
 * ```
 */
export function summarizeDeadMessage(message: DeadMessage): DeadLetterSummary {
  return {
    ...deadMessageIdentity(message),
    motivo: message.quarantine?.motivo ?? RECEIVES_EXHAUSTED,
    detalle: message.quarantine?.detalle ?? null,
    recepciones: message.receiveCount ?? null,
    aceptado: message.acceptedAt?.toISOString() ?? null,
    verificacion_firma: message.signature,
    apartado: message.tampered,
  };
}
