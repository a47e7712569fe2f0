import type { InfraPlan } from '../plan/types';
import { createAlarm } from './alarms';
import { functionArgs } from './functions';
import { alarmTopicArn, tableLinks, topicLinks } from './platform-references';

/**
 * The sweeper's app: its function run by an EventBridge schedule (every minute), linked to exactly the
 * tables and index it reaches and the outcome topic, with its errors alarm. It has no queue: a sweep
 * that fails leaves the store as it was, and the next one starts over.
 */
export function deploySweeper(plan: InfraPlan): Record<string, $util.Output<string>> {
  const sweeper = plan.sweeper;
  const link = [...tableLinks(plan, sweeper.tableAccess), ...topicLinks(plan, sweeper.publishesTo)];
  const cron = new sst.aws.Cron(`${sweeper.function.id}Schedule`, {
    schedule: sweeper.schedule,
    function: functionArgs(sweeper.function, link),
  });
  const functionName = cron.nodes.function.name;
  const notify = alarmTopicArn(plan);
  for (const alarm of sweeper.alarms) createAlarm(alarm, functionName, notify);
  return { function: functionName };
}
