import { resolve } from 'node:path';
import { POWERTOOLS_LAYER_PARAMETER } from '../plan/constants';
import type { FunctionPlan } from '../plan/types';

/**
 * Settings every service function shares: the Nx bundle as built and tested, Node 24 on arm64, and
 * Powertools from its official layer (the bundles leave `@aws-lambda-powertools/*` out, as they leave
 * the AWS SDK to the runtime); reserved concurrency when the plan gives one.
 */
export function functionArgs(plan: FunctionPlan, link: $util.Input<unknown[]>): sst.aws.FunctionArgs {
  return {
    handler: plan.handler,
    bundle: resolve(plan.bundle),
    runtime: plan.runtime,
    architecture: plan.architecture,
    timeout: `${plan.timeoutSeconds} seconds`,
    memory: `${plan.memoryMb} MB`,
    link,
    layers: [aws.ssm.getParameterOutput({ name: POWERTOOLS_LAYER_PARAMETER }).value],
    ...(plan.name && { name: plan.name }),
    ...(plan.reservedConcurrency !== undefined && { concurrency: { reserved: plan.reservedConcurrency } }),
    environment: { POWERTOOLS_SERVICE_NAME: plan.app, NODE_OPTIONS: '--enable-source-maps' },
  };
}
