import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { COMMANDS, type CommandEntry } from '@inventario/events';
import { orderIdOf } from './duplicator';

/** What sits in one dead-letter queue. */
export interface DeadLetters {
  entry: CommandEntry;
  ordenIds: string[];
}

/**
 * Reads every message of every dead-letter queue without removing any: receives them all (hidden for a
 * minute so none is counted twice), then makes them visible again for the replay.
 */
export async function peekDeadLetters(sqs: SQSClient, queueUrls: Record<string, string>): Promise<DeadLetters[]> {
  return Promise.all(
    COMMANDS.map(async (entry) => {
      const queueUrl = queueUrls[entry.deadLetterQueue] ?? '';
      const messages = await receiveAll(sqs, queueUrl, 60);
      for (let start = 0; start < messages.length; start += 10) {
        await sqs.send(
          new ChangeMessageVisibilityBatchCommand({
            QueueUrl: queueUrl,
            Entries: messages.slice(start, start + 10).map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? '', VisibilityTimeout: 0 })),
          }),
        );
      }
      return { entry, ordenIds: messages.flatMap((m) => orderIdOf(m.Body ?? '') ?? []) };
    }),
  );
}

/**
 * Moves every message of a dead-letter queue back to its queue, send before delete (so a crash in
 * between can only duplicate, which the consumer absorbs, never lose). Used when the operations CLI's
 * `replay run` is not available.
 *
 * @returns how many messages were moved.
 */
export async function redrive(sqs: SQSClient, queueUrls: Record<string, string>, entry: CommandEntry): Promise<number> {
  const from = queueUrls[entry.deadLetterQueue] ?? '';
  const to = queueUrls[entry.queue] ?? '';
  const messages = await receiveAll(sqs, from, 60);
  for (const message of messages) {
    const attributes = Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, { DataType: value.DataType ?? 'String', StringValue: value.StringValue ?? '' }]),
    );
    await sqs.send(new SendMessageCommand({ QueueUrl: to, MessageBody: message.Body ?? '', MessageAttributes: attributes }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl: from, ReceiptHandle: message.ReceiptHandle ?? '' }));
  }
  return messages.length;
}

/** Messages visible or in flight in the named queues. */
export async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<number> {
  const result = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(result.Attributes?.ApproximateNumberOfMessages ?? 0) + Number(result.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}

async function receiveAll(sqs: SQSClient, queueUrl: string, visibilitySeconds: number): Promise<Message[]> {
  const messages: Message[] = [];
  for (;;) {
    const batch = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: visibilitySeconds, MessageAttributeNames: ['All'] }),
    );
    const received = batch.Messages ?? [];
    if (received.length === 0) return messages;
    messages.push(...received);
  }
}
