import type { AlarmPlan } from '../plan/types';

/** A CloudWatch alarm from its plan, on the given queue or function name, notifying the alarm topic. */
export function createAlarm(plan: AlarmPlan, dimension: $util.Input<string>, notify: $util.Input<string>): aws.cloudwatch.MetricAlarm {
  return new aws.cloudwatch.MetricAlarm(plan.id, {
    alarmDescription: plan.description,
    namespace: plan.namespace,
    metricName: plan.metric,
    dimensions: 'queue' in plan.on ? { QueueName: dimension } : { FunctionName: dimension },
    statistic: plan.statistic,
    period: plan.periodSeconds,
    evaluationPeriods: plan.evaluationPeriods,
    threshold: plan.threshold,
    comparisonOperator: 'GreaterThanThreshold',
    // No data means no messages or no invocations: nothing is wrong.
    treatMissingData: 'notBreaching',
    alarmActions: [notify],
    okActions: [notify],
  });
}
