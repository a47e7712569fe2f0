import { serviceKeyPolicyDocument } from '../plan/key-policy';
import { topicPolicyDocument } from '../plan/topic-policy';
import type { InfraPlan, ServiceKeyPlan, TopicPlan } from '../plan/types';

/**
 * The platform app: the three tables (point-in-time recovery on), the command topics, the outcome topic
 * `InventarioEventos` and the alarm topic, each encrypted at rest and with an access policy of its own,
 * and the key of the topics AWS services publish to. Services find them by name; nothing else lives here.
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

function fieldType(type: 'S' | 'N'): 'string' | 'number' {
  return type === 'S' ? 'string' : 'number';
}
