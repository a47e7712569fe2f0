import type { InfraPlan, TableAccess } from '../plan/types';
import { tableLink, topicLink } from './links';

// A service app finds the platform's resources by their physical names (the platform app created them;
// a lookup fails loudly if it has not been deployed on this stage) and links only what it uses.

/** Links to the named platform topics, with `sns:Publish` only. */
export function topicLinks(plan: InfraPlan, topics: readonly string[]): sst.Linkable<Record<string, unknown>>[] {
  return topics.map((name) => {
    const topic = plan.platform.topics.find((candidate) => candidate.topic === name);
    if (!topic) throw new Error(`The platform has no topic ${name}`);
    return topicLink(topic.id, topic.topic, aws.sns.getTopicOutput({ name: topic.name }).arn);
  });
}

/** Links to the platform tables an access profile reaches, with exactly its actions. */
export function tableLinks(plan: InfraPlan, access: readonly TableAccess[]): sst.Linkable<Record<string, unknown>>[] {
  return plan.platform.tables.flatMap((table) => {
    const link = tableLink(table, aws.dynamodb.getTableOutput({ name: table.name }).arn, access);
    return link ? [link] : [];
  });
}

/** ARN of the topic alarms notify. */
export function alarmTopicArn(plan: InfraPlan): $util.Output<string> {
  return aws.sns.getTopicOutput({ name: plan.platform.alarmTopic.name }).arn;
}
