import type { TableAccess, TablePlan } from '../plan/types';

// Links with exactly the actions each service's code performs. SST's own links (`SnsTopic.get(...)`,
// `Dynamo.get(...)`) grant `sns:*` / `dynamodb:*`; these carry the `kind` shapes `@inventario/events`
// reads at runtime (`linksFrom`), so the code finds what it was linked to and can touch nothing else.

/** A topic the function publishes to. */
export function topicLink(id: string, topic: string, arn: $util.Input<string>): sst.Linkable<Record<string, unknown>> {
  return new sst.Linkable(id, {
    properties: { kind: 'topic', topic, arn },
    include: [sst.aws.permission({ actions: ['sns:Publish'], resources: [arn] })],
  });
}

/** A queue the function sends to (a consumer's own dead-letter queue, for quarantine). */
export function queueLink(id: string, queue: string, url: $util.Input<string>, arn: $util.Input<string>): sst.Linkable<Record<string, unknown>> {
  return new sst.Linkable(id, {
    properties: { kind: 'queue', queue, url },
    include: [sst.aws.permission({ actions: ['sqs:SendMessage'], resources: [arn] })],
  });
}

/** A table, with the actions of one access profile (and those on one of its indexes, if the profile has any). */
export function tableLink(table: TablePlan, arn: $util.Input<string>, access: readonly TableAccess[]): sst.Linkable<Record<string, unknown>> | undefined {
  const granted = access.find((entry) => entry.role === table.role);
  if (!granted) return undefined;
  const onIndex = granted.index;
  return new sst.Linkable(table.id, {
    properties: { kind: 'table', role: table.role, name: table.name },
    include: [
      sst.aws.permission({ actions: [...granted.actions], resources: [arn] }),
      ...(onIndex ? [sst.aws.permission({ actions: [...onIndex.actions], resources: [$interpolate`${arn}/index/${onIndex.name}`] })] : []),
    ],
  });
}

/** The read function the gateway invokes. */
export function queryFunctionLink(id: string, name: string, arn: $util.Input<string>): sst.Linkable<Record<string, unknown>> {
  return new sst.Linkable(id, {
    properties: { kind: 'query-function', name },
    include: [sst.aws.permission({ actions: ['lambda:InvokeFunction'], resources: [arn] })],
  });
}
