import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';

/** Why a message was set aside instead of applied. */
export type QuarantineReason = 'FIRMA_INVALIDA' | 'MENSAJE_INVALIDO';

/** The message attribute that tells an operator why a message sits in a dead-letter queue. */
export const QUARANTINE_ATTRIBUTE = 'motivo_cuarentena';

/** Keeps a message that must never be applied, for inspection. */
export interface Quarantine {
  keep(record: SQSRecord, reason: QuarantineReason, detail: string): Promise<void>;
}

/**
 * Sends the message, byte for byte with its attributes, to the consumer's dead-letter queue with the
 * reason attached; the caller then acknowledges the original. Nothing is lost and the queue keeps moving.
 */
export class SqsDeadLetterQuarantine implements Quarantine {
  constructor(private readonly options: { client: SQSClient; deadLetterQueueUrl: string }) {}

  async keep(record: SQSRecord, reason: QuarantineReason, detail: string): Promise<void> {
    const attributes: NonNullable<SendMessageCommand['input']['MessageAttributes']> = {};
    for (const [name, value] of Object.entries(record.messageAttributes ?? {})) {
      if (value.stringValue !== undefined) {
        attributes[name] = { DataType: value.dataType, StringValue: value.stringValue };
      }
    }
    attributes[QUARANTINE_ATTRIBUTE] = { DataType: 'String', StringValue: reason };
    attributes.detalle_cuarentena = { DataType: 'String', StringValue: detail.slice(0, 256) || reason };
    await this.options.client.send(
      new SendMessageCommand({
        QueueUrl: this.options.deadLetterQueueUrl,
        MessageBody: record.body,
        MessageAttributes: attributes,
      }),
    );
  }
}
