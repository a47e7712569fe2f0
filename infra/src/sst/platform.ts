import { serviceKeyPolicyDocument } from '../plan/key-policy';
import { topicPolicyDocument } from '../plan/topic-policy';
import type { InfraPlan, ServiceKeyPlan, TablePlan, TopicPlan } from '../plan/types';

/**
 * The platform app: the tables with their indexes (point-in-time recovery on), the command topics, the outcome topic
 * `InventarioEventos` and the alarm topic, each encrypted at rest and with an access policy of its own,
 * and the key of the topics AWS services publish to. Services find them by name; nothing else lives here.
 */
export function deployPlatform(plan: InfraPlan): Record<string, $util.Output<string>> {
  const outputs: Record<string, $util.Output<string>> = {};
  for (const table of plan.platform.tables) {
    const created = new sst.aws.Dynamo(table.id, {
      fields: fieldsOf(table),
      primaryIndex: { hashKey: table.partitionKey.name, ...(table.sortKey && { rangeKey: table.sortKey.name }) },
      ...(table.indexes.length > 0 && {
        globalIndexes: Object.fromEntries(
          table.indexes.map((index) => [index.name, { hashKey: index.partitionKey.name, ...(index.sortKey && { rangeKey: index.sortKey.name }), projection: index.projection }]),
        ),
      }),
      transform: {
        table: (args) => {
          args.name = table.name;
          args.pointInTimeRecovery = { enabled: table.pointInTimeRecovery };
        },
      },
    });
    outputs[table.id] = created.name;
  }
  const accountId = aws.getCallerIdentityOutput().accountId;
  const serviceKey = createServiceKey(plan.platform.serviceKey, accountId);
  for (const topic of [...plan.platform.topics, plan.platform.alarmTopic]) {
    outputs[topic.id] = createTopic(topic, serviceKey.arn, accountId).arn;
  }
  return outputs;
}

function createServiceKey(key: ServiceKeyPlan, accountId: $util.Output<string>): aws.kms.Key {
  const created = new aws.kms.Key(key.id, {
    description: `Encrypts the topics AWS services publish to (${key.services.join(', ')})`,
    enableKeyRotation: key.rotation,
    policy: accountId.apply((account) => JSON.stringify(serviceKeyPolicyDocument(account, key.services))),
  });
  new aws.kms.Alias(`${key.id}Alias`, { name: key.alias, targetKeyId: created.keyId });
  return created;
}

/** A topic encrypted at rest, whose access policy replaces SNS's default one. */
function createTopic(topic: TopicPlan, serviceKeyArn: $util.Output<string>, accountId: $util.Output<string>): sst.aws.SnsTopic {
  const created = new sst.aws.SnsTopic(topic.id, {
    transform: {
      topic: (args) => {
        args.name = topic.name;
        args.kmsMasterKeyId = topic.encryption === 'aws-managed-key' ? 'alias/aws/sns' : serviceKeyArn;
      },
    },
  });
  new aws.sns.TopicPolicy(`${topic.id}Policy`, {
    arn: created.arn,
    policy: $resolve([created.arn, accountId]).apply(([arn, account]) => JSON.stringify(topicPolicyDocument(arn, account, topic.servicePublishers))),
  });
  return created;
}

/** Every key attribute of the table and of its indexes (SST declares only these). */
function fieldsOf(table: TablePlan): Record<string, 'string' | 'number'> {
  const keys = [table.partitionKey, table.sortKey, ...table.indexes.flatMap((index) => [index.partitionKey, index.sortKey])];
  return Object.fromEntries(keys.flatMap((key) => (key ? [[key.name, fieldType(key.type)]] : [])));
}

function fieldType(type: 'S' | 'N'): 'string' | 'number' {
  return type === 'S' ? 'string' : 'number';
}
