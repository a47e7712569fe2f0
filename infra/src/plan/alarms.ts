import { OLDEST_MESSAGE_ALARM_SECONDS } from './constants';
import { pascalCase } from './naming';
import type { AlarmPlan } from './types';

/** Any message in a dead-letter queue needs a person: it failed five times or its signature did not verify. */
export function deadLetterDepthAlarm(deadLetterQueue: { queue: string; name: string }): AlarmPlan {
  return {
    id: `${pascalCase(deadLetterQueue.queue)}DepthAlarm`,
    namespace: 'AWS/SQS',
    metric: 'ApproximateNumberOfMessagesVisible',
    on: { queue: deadLetterQueue.name },
    statistic: 'Maximum',
    periodSeconds: 60,
    evaluationPeriods: 1,
    threshold: 0,
    description: `Messages are waiting in ${deadLetterQueue.name}: inspect and replay them`,
  };
}

/** Commands that wait too long in their queue: the consumer is failing or too slow. */
export function oldestMessageAlarm(queue: { queue: string; name: string }): AlarmPlan {
  return {
    id: `${pascalCase(queue.queue)}OldestMessageAlarm`,
    namespace: 'AWS/SQS',
    metric: 'ApproximateAgeOfOldestMessage',
    on: { queue: queue.name },
    statistic: 'Maximum',
    periodSeconds: 60,
    evaluationPeriods: 5,
    threshold: OLDEST_MESSAGE_ALARM_SECONDS,
    description: `The oldest command in ${queue.name} has waited over ${OLDEST_MESSAGE_ALARM_SECONDS} s`,
  };
}

/** A function that throws: a bug or a dependency down (business rejections are outcomes, not errors). */
export function functionErrorsAlarm(functionId: string): AlarmPlan {
  return {
    id: `${functionId}ErrorsAlarm`,
    namespace: 'AWS/Lambda',
    metric: 'Errors',
    on: { function: functionId },
    statistic: 'Sum',
    periodSeconds: 300,
    evaluationPeriods: 1,
    threshold: 0,
    description: `${functionId} threw errors`,
  };
}
