import {
  ChangeMessageVisibilityBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/** SQS takes at most this many entries per batch call, and returns at most this many per receive. */
export const SQS_BATCH = 10;

/** How many messages a queue holds: visible, and received but not yet deleted. */
export interface QueueDepth {
  visible: number;
  inFlight: number;
}

/** The queue's approximate counts. */
export async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<QueueDepth> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return {
    visible: Number(Attributes?.ApproximateNumberOfMessages ?? 0),
    inFlight: Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0),
  };
}

/** Receives up to 10 messages with every attribute, hidden from other readers for `visibilitySeconds`. */
export async function receiveBatch(
  sqs: SQSClient,
  queueUrl: string,
  options: { visibilitySeconds: number; waitSeconds: number; max?: number },
): Promise<Message[]> {
  const { Messages } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: Math.max(1, Math.min(SQS_BATCH, options.max ?? SQS_BATCH)),
      VisibilityTimeout: options.visibilitySeconds,
      WaitTimeSeconds: options.waitSeconds,
      MessageAttributeNames: ['All'],
      MessageSystemAttributeNames: ['All'],
    }),
  );
  return Messages ?? [];
}

/**
 * Sets the visibility of received messages, 10 per call: 0 gives them back to the queue at once, more
 * keeps them hidden. A handle that has expired meanwhile is simply skipped (the message is visible anyway).
 *
 * @returns how many could not be changed.
 */
export async function setVisibility(sqs: SQSClient, queueUrl: string, receiptHandles: readonly string[], seconds: number): Promise<number> {
  let failed = 0;
  for (let start = 0; start < receiptHandles.length; start += SQS_BATCH) {
    const chunk = receiptHandles.slice(start, start + SQS_BATCH);
    try {
      const result = await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queueUrl,
          Entries: chunk.map((handle, index) => ({ Id: String(index), ReceiptHandle: handle, VisibilityTimeout: seconds })),
        }),
      );
      failed += result.Failed?.length ?? 0;
    } catch {
      failed += chunk.length;
    }
  }
  return failed;
}
