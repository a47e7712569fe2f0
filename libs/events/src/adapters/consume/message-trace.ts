import { isValidOrdenId } from '@inventario/inventory-core';
import type { SQSRecord } from 'aws-lambda';
import { isValidCorrelationId } from '../../contract/correlation-id';
import { MESSAGE_ATTRIBUTES } from '../../contract/envelope';

/** What a log line may say about a message: ids only, never its body or signature. */
export interface MessageTrace {
  message_id: string;
  correlation_id?: string;
  orden_id?: string;
}

/**
 * The ids that tie a message's log lines to its command: the queue's message id, and the correlation id
 * and `orden_id` the message carries (its `correlation_id` attribute, else its envelope). A message may
 * be hostile, so an id is only repeated when it keeps the contract's rule (at most 128 or 64 safe
 * characters): a log line never holds more of a message than that.
 *
 * @example
 * logger.warn('Message quarantined', { motivo, ...messageTrace(record) });
 */
export function messageTrace(record: SQSRecord): MessageTrace {
  const envelope = looseEnvelope(record.body);
  const correlationId = record.messageAttributes?.[MESSAGE_ATTRIBUTES.correlationId]?.stringValue ?? envelope.correlation_id;
  const ordenId = envelope.orden_id;
  return {
    message_id: record.messageId,
    ...(typeof correlationId === 'string' && isValidCorrelationId(correlationId) && { correlation_id: correlationId }),
    ...(typeof ordenId === 'string' && isValidOrdenId(ordenId) && { orden_id: ordenId }),
  };
}

function looseEnvelope(body: string): { correlation_id?: unknown; orden_id?: unknown } {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as { correlation_id?: unknown; orden_id?: unknown }) : {};
  } catch {
    return {};
  }
}
