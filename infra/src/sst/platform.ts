import type { InfraPlan } from '../plan/types';

/**
 * The platform app: the three tables (point-in-time recovery on), the command topics, the outcome topic
 * `InventarioEventos` and the alarm topic. Services find them by name; nothing else lives here.
 */
export function deployPlatform(plan: InfraPlan): Record<string, $util.Output<string>> {
  const outputs: Record<string, $util.Output<string>> = {};
  for (const table of plan.platform.tables) {
    const created = new sst.aws.Dynamo(table.id, {
      fields: { [table.partitionKey.name]: fieldType(table.partitionKey.type), ...(table.sortKey && { [table.sortKey.name]: fieldType(table.sortKey.type) }) },
      primaryIndex: { hashKey: table.partitionKey.name, ...(table.sortKey && { rangeKey: table.sortKey.name }) },
      transform: {
        table: (args) => {
          args.name = table.name;
          args.pointInTimeRecovery = { enabled: table.pointInTimeRecovery };
        },
      },
    });
    outputs[table.id] = created.name;
  }
  for (const topic of [...plan.platform.topics, plan.platform.alarmTopic]) {
    const created = new sst.aws.SnsTopic(topic.id, { transform: { topic: (args) => void (args.name = topic.name) } });
    outputs[topic.id] = created.arn;
  }
  return outputs;
}

function fieldType(type: 'S' | 'N'): 'string' | 'number' {
  return type === 'S' ? 'string' : 'number';
}
