import { ChangeMessageVisibilityBatchCommand, DeleteMessageBatchCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { Consumer } from 'sqs-consumer';
import type { SqsBatchHandler } from './sqs-batch-handler';

export interface LocalWorkerOptions {
  queueUrl: string;
  client: SQSClient;
  handler: SqsBatchHandler;
  region: string;
  /** Pollers on the queue. */
  concurrency?: number;
  batchSize?: number;
  waitTimeSeconds?: number;
  /**
   * Most messages the worker holds received but not yet settled while its pollers read ahead (see
   * {@link startLocalWorker}); default twice what its pollers receive at once.
   */
  maxInFlight?: number;
  /**
   * Seconds before a failed message is visible again, given its receive count; default 1, 2, 4... up
   * to 30. Tests that drive a message to its dead-letter queue pass a shorter one.
   */
  retryDelaySeconds?: (receiveCount: number) => number;
  onError?: (error: Error) => void;
}

export interface LocalWorker {
  /** Stops polling, and resolves once every batch received has been settled (deleted or backed off). */
  stop(): Promise<void>;
}

/**
 * Long-polls a queue and hands each batch to the same handler Lambda runs, shaped as an SQS event.
 * A message is deleted once the handler has settled it; records the handler reports as failed stay on
 * the queue and come back after a short backoff that grows with their receive count; after the
 * queue's maxReceiveCount they move to its dead-letter queue.
 *
 * A poller whose receive came back full (the queue has a backlog) reads ahead: it polls again at once
 * instead of waiting for its batch to be settled, while the worker holds fewer than `maxInFlight`
 * messages. So when the handler applies one group at a time (`mergeConcurrentBatches`), the next
 * group's batches are already there when it ends, instead of being received only after its deletes.
 * A partial receive (no backlog) waits for its batch as before, so a trickle is not polled for harder.
 */
export function startLocalWorker(options: LocalWorkerOptions): LocalWorker {
  const concurrency = options.concurrency ?? 2;
  const batchSize = options.batchSize ?? 10;
  const maxInFlight = options.maxInFlight ?? 2 * concurrency * batchSize;
  const settling = new Set<Promise<void>>();
  let inFlight = 0;
  const handleMessageBatch = async (messages: Message[]): Promise<Message[]> => {
    inFlight += messages.length;
    const settled = settleBatch(messages, options).finally(() => {
      inFlight -= messages.length;
      settling.delete(settled);
    });
    settling.add(settled);
    const readAhead = messages.length >= batchSize && inFlight < maxInFlight;
    if (!readAhead) await settled;
    // Deleted (or backed off) by settleBatch itself, so sqs-consumer has nothing left to delete.
    return [];
  };
  const consumers = Array.from({ length: concurrency }, () => createConsumer(options, batchSize, handleMessageBatch));
  for (const consumer of consumers) consumer.start();
  return {
    stop: async () => {
      await Promise.all(consumers.map((consumer) => stopConsumer(consumer)));
      while (settling.size > 0) await Promise.all([...settling]);
    },
  };
}

function createConsumer(options: LocalWorkerOptions, batchSize: number, handleMessageBatch: (messages: Message[]) => Promise<Message[]>): Consumer {
  const consumer = Consumer.create({
    queueUrl: options.queueUrl,
    sqs: options.client,
    batchSize,
    waitTimeSeconds: options.waitTimeSeconds ?? 5,
    pollingWaitTimeMs: 0,
    pollingCompleteWaitTimeMs: 10_000,
    messageAttributeNames: ['All'],
    messageSystemAttributeNames: ['All'],
    handleMessageBatch,
  });
  consumer.on('error', (error) => options.onError?.(error));
  consumer.on('processing_error', (error) => options.onError?.(error));
  return consumer;
}

/**
 * Hands a batch to the handler, then deletes the records it settled and backs off those it failed.
 * Never rejects: a handler that throws fails the whole batch, which comes back after its backoff.
 */
async function settleBatch(messages: Message[], options: LocalWorkerOptions): Promise<void> {
  const event: SQSEvent = { Records: messages.map((message) => toRecord(message, options)) };
  let failed: Set<string>;
  try {
    const response = await options.handler(event);
    failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
  } catch (error) {
    options.onError?.(error instanceof Error ? error : new Error(String(error)));
    failed = new Set(messages.map((message) => message.MessageId ?? ''));
  }
  const retry = messages.filter((message) => failed.has(message.MessageId ?? ''));
  const done = messages.filter((message) => !failed.has(message.MessageId ?? ''));
  await Promise.all([retry.length > 0 ? backOff(retry, options) : undefined, done.length > 0 ? deleteSettled(done, options) : undefined]);
}

/** Deletes settled messages; one that fails to go comes back after its visibility timeout, and is answered from its record. */
async function deleteSettled(messages: Message[], options: LocalWorkerOptions): Promise<void> {
  const response = await options.client
    .send(
      new DeleteMessageBatchCommand({
        QueueUrl: options.queueUrl,
        Entries: messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle ?? '' })),
      }),
    )
    .catch((error: Error) => options.onError?.(error));
  const failures = response?.Failed ?? [];
  if (failures.length > 0) options.onError?.(new Error(`${failures.length} settled messages could not be deleted: ${failures.map((failure) => failure.Code).join(', ')}`));
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
