import { ChangeMessageVisibilityBatchCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { Consumer } from 'sqs-consumer';
import type { SqsBatchHandler } from './sqs-batch-handler';

export interface LocalWorkerOptions {
  queueUrl: string;
  client: SQSClient;
  handler: SqsBatchHandler;
  region: string;
  /** Pollers on the queue; each handles one batch at a time. */
  concurrency?: number;
  batchSize?: number;
  waitTimeSeconds?: number;
  /**
   * Seconds before a failed message is visible again, given its receive count; default 1, 2, 4... up
   * to 30. Tests that drive a message to its dead-letter queue pass a shorter one.
   */
  retryDelaySeconds?: (receiveCount: number) => number;
  onError?: (error: Error) => void;
}

export interface LocalWorker {
  stop(): Promise<void>;
}

/**
 * Long-polls a queue and hands each batch to the same handler Lambda runs, shaped as an SQS event.
 * Records the handler reports as failed stay on the queue and come back after a short backoff that
 * grows with their receive count; after the queue's maxReceiveCount they move to its dead-letter queue.
 */
export function startLocalWorker(options: LocalWorkerOptions): LocalWorker {
  const consumers = Array.from({ length: options.concurrency ?? 2 }, () => createConsumer(options));
  for (const consumer of consumers) consumer.start();
  return {
    stop: async () => {
      await Promise.all(consumers.map((consumer) => stopConsumer(consumer)));
    },
  };
}

function createConsumer(options: LocalWorkerOptions): Consumer {
  const consumer = Consumer.create({
    queueUrl: options.queueUrl,
    sqs: options.client,
    batchSize: options.batchSize ?? 10,
    waitTimeSeconds: options.waitTimeSeconds ?? 5,
    pollingWaitTimeMs: 0,
    pollingCompleteWaitTimeMs: 10_000,
    messageAttributeNames: ['All'],
    messageSystemAttributeNames: ['All'],
    handleMessageBatch: async (messages) => handleBatch(messages, options),
  });
  consumer.on('error', (error) => options.onError?.(error));
  consumer.on('processing_error', (error) => options.onError?.(error));
  return consumer;
}

async function handleBatch(messages: Message[], options: LocalWorkerOptions): Promise<Message[]> {
  const event: SQSEvent = { Records: messages.map((message) => toRecord(message, options)) };
  const response = await options.handler(event);
  const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
  const retry = messages.filter((message) => failed.has(message.MessageId ?? ''));
  if (retry.length > 0) await backOff(retry, options);
  return messages.filter((message) => !failed.has(message.MessageId ?? ''));
}

/** Makes failed messages visible again soon (1, 2, 4... up to 30 s), instead of after the full timeout. */
async function backOff(messages: Message[], options: LocalWorkerOptions): Promise<void> {
  await options.client
    .send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: options.queueUrl,
        Entries: messages.map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle ?? '',
          VisibilityTimeout: (options.retryDelaySeconds ?? defaultRetryDelaySeconds)(Number(message.Attributes?.ApproximateReceiveCount ?? 1)),
        })),
      }),
    )
    .catch((error: Error) => options.onError?.(error));
}

function defaultRetryDelaySeconds(receiveCount: number): number {
  return Math.min(30, 2 ** (receiveCount - 1));
}

function toRecord(message: Message, options: LocalWorkerOptions): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? '',
      SenderId: attributes.SenderId ?? '',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? '',
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        { dataType: value.DataType ?? 'String', ...(value.StringValue !== undefined && { stringValue: value.StringValue }) },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: options.queueUrl,
    awsRegion: options.region,
  };
}

function stopConsumer(consumer: Consumer): Promise<void> {
  return new Promise((resolve) => {
    if (!consumer.status.isRunning) return resolve();
    consumer.once('stopped', () => resolve());
    consumer.stop();
  });
}
