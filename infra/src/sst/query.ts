import type { InfraPlan } from '../plan/types';
import { createAlarm } from './alarms';
import { functionArgs } from './functions';
import { alarmTopicArn, tableLinks } from './platform-references';

/** The read function's app: `consultar-inventario` under a fixed name the gateway looks up, read-only on the tables. */
export function deployQuery(plan: InfraPlan): Record<string, $util.Output<string>> {
  const query = plan.query;
  const fn = new sst.aws.Function(query.function.id, functionArgs(query.function, tableLinks(plan, query.tableAccess)));
  const notify = alarmTopicArn(plan);
  for (const alarm of query.alarms) createAlarm(alarm, fn.name, notify);
  return { function: fn.name };
}
