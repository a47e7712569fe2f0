import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { COMMANDS, loadRuntimeConfig, type CommandEntry, type CommandEnvelope } from '@inventario/events';
import { notYet, waitUntil } from '@inventario/local-stack';

const config = () => loadRuntimeConfig(process.env);

/** Publishes an envelope straight to a command topic, as an attacker or a buggy producer could. */
export async function publishRaw(entry: CommandEntry, message: string | CommandEnvelope): Promise<void> {
  const sns = new SNSClient({ region: config().region });
  await sns.send(
    new PublishCommand({
      TopicArn: config().topicArns[entry.topic],
      Message: typeof message === 'string' ? message : JSON.stringify(message),
    }),
  );
  sns.destroy();
}

/** Receives (and, with `remove`, deletes) what sits in a queue now. */
export async function drainQueue(queueName: string, options: { remove: boolean; waitSeconds?: number }): Promise<Message[]> {
  const sqs = new SQSClient({ region: config().region, useQueueUrlAsEndpoint: false });
  const queueUrl = config().queueUrls[queueName];
  const messages: Message[] = [];
  const deadline = Date.now() + (options.waitSeconds ?? 5) * 1000;
  while (Date.now() < deadline) {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
        VisibilityTimeout: options.remove ? 30 : 0,
      }),
    );
    for (const message of received.Messages ?? []) {
      messages.push(message);
      if (options.remove) await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
    if (messages.length > 0 && (received.Messages ?? []).length === 0) break;
  }
  sqs.destroy();
  return messages;
}

/** Waits until no consumer queue holds a message, visible or in flight: every delivery was handled. */
export async function waitForQueuesDrained(timeoutMs = 60_000): Promise<void> {
  const sqs = new SQSClient({ region: config().region, useQueueUrlAsEndpoint: false });
  const depthOf = async (entry: CommandEntry): Promise<number> => {
    const result = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: config().queueUrls[entry.queue],
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return Number(result.Attributes?.ApproximateNumberOfMessages ?? 0) + Number(result.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
  };
  try {
    await waitUntil(
      async () => {
        const depths = await Promise.all(COMMANDS.map(depthOf));
        if (depths.some((depth) => depth > 0)) notYet(`queues still hold messages: ${depths.join(', ')}`);
      },
      { timeoutMs, intervalMs: 100 },
    );
  } finally {
    sqs.destroy();
  }
}
