import { queuePolicyDocument } from '../plan/queue-policy';
import type { ConsumerPlan, InfraPlan } from '../plan/types';
import { createAlarm } from './alarms';
import { functionArgs } from './functions';
import { queueLink } from './links';
import { alarmTopicArn, tableLinks, topicLinks } from './platform-references';

/**
 * One consumer's app: its dead-letter queue, its queue (redrive after `maxReceiveCount` receives,
 * visibility 6x the function timeout, the catalogue's retention), both encrypted at rest with SQS's own
 * keys (which SNS can deliver to without a KMS grant), the raw subscription to its topic with a queue
 * policy that admits only that topic, the subscriber function with partial batch responses and at most
 * `maxConcurrency` batches at once, and its alarms.
 */
export function deployConsumer(plan: InfraPlan, consumer: ConsumerPlan, signatureSecret: sst.Secret): Record<string, $util.Output<string>> {
  const deadLetterQueue = new sst.aws.Queue(consumer.deadLetterQueue.id, {
    transform: {
      queue: (args) => {
        args.name = consumer.deadLetterQueue.name;
        args.messageRetentionSeconds = consumer.deadLetterQueue.retentionSeconds;
        args.sqsManagedSseEnabled = consumer.deadLetterQueue.encryption === 'sqs-managed';
      },
    },
  });
  const queue = new sst.aws.Queue(consumer.queue.id, {
    visibilityTimeout: `${consumer.queue.visibilityTimeoutSeconds} seconds`,
    dlq: { queue: deadLetterQueue.arn, retry: consumer.maxReceiveCount },
    transform: {
      queue: (args) => {
        args.name = consumer.queue.name;
        args.messageRetentionSeconds = consumer.queue.retentionSeconds;
        args.sqsManagedSseEnabled = consumer.queue.encryption === 'sqs-managed';
      },
    },
  });

  const topic = plan.platform.topics.find((candidate) => candidate.topic === consumer.subscription.sourceTopic);
  if (!topic) throw new Error(`The platform has no topic ${consumer.subscription.sourceTopic}`);
  const topicArn = aws.sns.getTopicOutput({ name: topic.name }).arn;
  const policy = new aws.sqs.QueuePolicy(`${consumer.queue.id}Policy`, {
    queueUrl: queue.url,
    policy: $resolve([queue.arn, topicArn]).apply(([queueArn, arn]) => JSON.stringify(queuePolicyDocument(queueArn, arn))),
  });
  new aws.sns.TopicSubscription(
    `${consumer.queue.id}Subscription`,
    { topic: topicArn, protocol: 'sqs', endpoint: queue.arn, rawMessageDelivery: consumer.subscription.rawMessageDelivery },
    // The policy first, so no message is refused while the subscription starts.
    { dependsOn: [policy] },
  );

  const link = [
    signatureSecret,
    ...tableLinks(plan, consumer.tableAccess),
    ...topicLinks(plan, consumer.publishesTo),
    queueLink(`${consumer.deadLetterQueue.id}Link`, consumer.deadLetterQueue.queue, deadLetterQueue.url, deadLetterQueue.arn),
  ];
  // Given function arguments (not an ARN), SST grants the function receive/delete on this queue only.
  const subscriber = queue.subscribe(functionArgs(consumer.subscriber.function, link), {
    batch: {
      size: consumer.subscriber.batchSize,
      window: `${consumer.subscriber.batchWindowSeconds} ${consumer.subscriber.batchWindowSeconds === 1 ? 'second' : 'seconds'}`,
      partialResponses: consumer.subscriber.partialResponses,
    },
    // A flood of messages runs at most this many batches at once, leaving the account's pool to the rest.
    transform: { eventSourceMapping: (args) => void (args.scalingConfig = { maximumConcurrency: consumer.subscriber.maxConcurrency }) },
  });
  const functionName = subscriber.nodes.function.name;

  const notify = alarmTopicArn(plan);
  for (const alarm of consumer.alarms) {
    const dimension = 'function' in alarm.on ? functionName : alarm.on.queue;
    createAlarm(alarm, dimension, notify);
  }
  return { queue: queue.url, deadLetterQueue: deadLetterQueue.url, function: functionName };
}
