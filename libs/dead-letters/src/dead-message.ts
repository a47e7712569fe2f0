import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import { commandEnvelopeSchema, commandEntry, QUARANTINE_ATTRIBUTE, verifyEnvelopeSignature } from '@inventario/events';
import { decodeCommand, productIdsOf } from '@inventario/inventory-core';
import type { KeyRing } from '@inventario/signature';
import { parseJson } from './parse-json';

/** What became of a message's signature when checked again (integrity only, as the consumers check it). */
export type SignatureCheck = 'VALIDA' | 'INVALIDA' | 'ILEGIBLE';

/** A message of a dead-letter queue, decoded for people and for filters. */
export interface DeadMessage {
  messageId: string;
  receiptHandle: string;
  /** The SQS body, byte for byte: what a replay sends. */
  body: string;
  attributes: Record<string, MessageAttributeValue>;
  tipo: string | undefined;
  ordenId: string | undefined;
  correlationId: string | undefined;
  /** Products the command names, in line order. */
  productIds: string[];
  /** The client's body, when it is JSON. */
  command: unknown;
  receiveCount: number | undefined;
  /** When the gateway accepted the command (`ocurrido`), else when SQS first got the message. */
  acceptedAt: Date | undefined;
  /** When a consumer first received it. */
  firstReceivedAt: Date | undefined;
  /** Why a consumer set it aside (`motivo_cuarentena`, `detalle_cuarentena`), if it did. */
  quarantine: { motivo: string; detalle: string | undefined } | undefined;
  signature: SignatureCheck;
  /** Never replayed unless the replay includes tampered messages: the signature fails, or a consumer quarantined it. */
  tampered: boolean;
}

/** The attributes a consumer adds when it quarantines a message; a replay does not carry them back. */
export const QUARANTINE_ATTRIBUTES = [QUARANTINE_ATTRIBUTE, 'detalle_cuarentena'];

/**
 * Decodes a received message: its envelope, the command inside, and whether the client's signature still
 * verifies with the key ring (freshness not checked: a replay comes days later).
 */
export function decodeDeadMessage(message: Message, keyRing: KeyRing): DeadMessage {
  const body = message.Body ?? '';
  const attributes = message.MessageAttributes ?? {};
  const system = message.Attributes ?? {};
  const envelope = commandEnvelopeSchema.safeParse(parseJson(body));
  const motivo = attributes[QUARANTINE_ATTRIBUTE]?.StringValue;
  const base = {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body,
    attributes,
    receiveCount: numberOrUndefined(system.ApproximateReceiveCount),
    firstReceivedAt: dateOfMillis(system.ApproximateFirstReceiveTimestamp),
    quarantine: motivo === undefined ? undefined : { motivo, detalle: attributes.detalle_cuarentena?.StringValue },
  };
  if (!envelope.success) {
    return {
      ...base,
      tipo: attributes.tipo?.StringValue,
      ordenId: undefined,
      correlationId: attributes.correlation_id?.StringValue,
      productIds: [],
      command: undefined,
      acceptedAt: dateOfMillis(system.SentTimestamp),
      signature: 'ILEGIBLE',
      tampered: true,
    };
  }
  const { data } = envelope;
  const raw = Buffer.from(data.cuerpo, 'base64');
  // Shown to the operator as far as it reads; what it is as a command is what its consumer will read.
  const command = parseJson(raw.toString('utf8'));
  const parsed = decodeCommand(data.tipo, raw);
  const verified = verifyEnvelopeSignature(commandEntry(data.tipo), data, keyRing);
  const signature: SignatureCheck = verified.ok ? 'VALIDA' : 'INVALIDA';
  const accepted = new Date(data.ocurrido);
  return {
    ...base,
    tipo: data.tipo,
    ordenId: data.orden_id,
    correlationId: data.correlation_id,
    productIds: parsed.ok ? productIdsOf(parsed.payload) : looseProductIds(command),
    command,
    acceptedAt: Number.isNaN(accepted.getTime()) ? dateOfMillis(system.SentTimestamp) : accepted,
    signature,
    tampered: signature !== 'VALIDA' || motivo !== undefined,
  };
}

/** Product ids of a body that breaks the rules, as far as they can be read. */
function looseProductIds(command: unknown): string[] {
  if (typeof command !== 'object' || command === null) return [];
  const record = command as { producto_id?: unknown; items?: unknown };
  if (typeof record.producto_id === 'string') return [record.producto_id];
  if (!Array.isArray(record.items)) return [];
  return record.items.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && typeof (item as { producto_id?: unknown }).producto_id === 'string'
      ? [(item as { producto_id: string }).producto_id]
      : [],
  );
}

function numberOrUndefined(text: string | undefined): number | undefined {
  const value = Number(text);
  return text === undefined || Number.isNaN(value) ? undefined : value;
}

function dateOfMillis(text: string | undefined): Date | undefined {
  const millis = numberOrUndefined(text);
  return millis === undefined ? undefined : new Date(millis);
}
