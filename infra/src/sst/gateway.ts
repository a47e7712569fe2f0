import type { InfraPlan } from '../plan/types';
import { createAlarm } from './alarms';
import { functionArgs } from './functions';
import { queryFunctionLink } from './links';
import { alarmTopicArn, tableLinks, topicLinks } from './platform-references';

/**
 * The gateway's app: the HTTP API (API Gateway HTTP API, payload v2), every route throttled by the
 * stage's limits, in front of the gateway function (reserved concurrency), which publishes to the
 * command topics, records intake, and invokes the read function.
 */
export function deployGateway(plan: InfraPlan, signatureSecret: sst.Secret): Record<string, $util.Output<string>> {
  const gateway = plan.gateway;
  const queryName = plan.query.function.name;
  const link = [
    signatureSecret,
    ...topicLinks(plan, gateway.publishesTo),
    ...tableLinks(plan, gateway.tableAccess),
    queryFunctionLink(plan.query.function.id, queryName, aws.lambda.getFunctionOutput({ functionName: queryName }).arn),
  ];
  const fn = new sst.aws.Function(gateway.function.id, functionArgs(gateway.function, link));

  const throttling = gateway.throttling;
  const api = new sst.aws.ApiGatewayV2('Api', {
    transform: {
      // Over the limit API Gateway answers 429 itself: the function is never invoked.
      stage: (args) => void (args.defaultRouteSettings = { throttlingRateLimit: throttling.rateLimit, throttlingBurstLimit: throttling.burstLimit }),
    },
  });
  for (const route of gateway.routes) {
    api.route(route.path === '$default' ? '$default' : `${route.method} ${route.path}`, fn.arn);
  }

  const notify = alarmTopicArn(plan);
  for (const alarm of gateway.alarms) createAlarm(alarm, fn.name, notify);
  return { url: api.url, function: fn.name };
}
