import type { StageLimits } from './types';

/**
 * Limits of each stage that has its own; every other stage (a developer's, CI's) takes
 * {@link DEFAULT_STAGE_LIMITS}. Production is sized for about 200 commands a second: each takes the
 * gateway well under 250 ms (one DynamoDB write, one SNS publish), so 200 a second keep about 50
 * gateway instances busy at most. Reserved concurrency is taken from the account's pool, which must keep
 * 100 unreserved: production needs an account limit of at least 170 (the default is 1,000).
 */
export const STAGE_LIMITS: Readonly<Record<string, StageLimits>> = {
  production: {
    api: { rateLimit: 200, burstLimit: 400 },
    gatewayReservedConcurrency: 50,
    queryReservedConcurrency: 20,
    consumerMaxConcurrency: 10,
  },
};

/** A stage with no entry in {@link STAGE_LIMITS}: enough to try the system, little to run up a bill. */
export const DEFAULT_STAGE_LIMITS: StageLimits = {
  api: { rateLimit: 20, burstLimit: 40 },
  gatewayReservedConcurrency: 10,
  queryReservedConcurrency: 5,
  // SQS event sources accept no fewer than 2.
  consumerMaxConcurrency: 2,
};

/**
 * The limits of a stage: how fast the HTTP API lets requests in (all clients together), how many
 * instances the gateway and the read function may take (reserved concurrency: at most that many, and
 * always that many available), and how many batches each consumer's queue may run at once. Together they
 * bound what a flood of requests, signed or not, can cost, and keep it from taking the account's whole
 * Lambda pool from the consumers and the reads.
 *
 * @example
 * stageLimits('production').api; // { rateLimit: 200, burstLimit: 400 }
 */
export function stageLimits(stage: string): StageLimits {
  return STAGE_LIMITS[stage] ?? DEFAULT_STAGE_LIMITS;
}
