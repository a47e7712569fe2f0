import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoInventoryStore } from '@inventario/inventory-core';
import { createObservability, describeError, instrumentLambdaHandler, type Observability } from '@inventario/observability';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { runUntilStopped, type StoppableApp } from '../../runtime/run-until-stopped';
import { OUTCOME_TOPIC } from '../../contract/catalogue';
import { RuntimeConfigError } from '../../errors';
import { SnsOutcomePublisher } from '../publish/sns-outcome-publisher';
import { loadRuntimeConfig, type RuntimeConfig } from '../../runtime/runtime-config';
import { startSweepLoop } from './sweep-loop';
import { sweepReservations, type SweepDeps, type SweepResult } from './sweep-reservations';

/** How often the local sweeper sweeps when `SWEEPER_INTERVAL_MS` is unset (on AWS, a schedule every minute). */
export const DEFAULT_SWEEPER_INTERVAL_MS = 1000;

/**
 * The sweeper's real dependencies from its configuration: the DynamoDB store and the outcome publisher,
 * each AWS SDK client captured by the tracer (X-Ray on Lambda, untouched elsewhere), and the app's logger.
 */
export function createSweeperDeps(config: RuntimeConfig, observability: Pick<Observability, 'logger' | 'tracer'>): SweepDeps {
  const { logger, tracer } = observability;
  const topicArn = config.topicArns[OUTCOME_TOPIC];
  if (!topicArn) throw new RuntimeConfigError(`No topic configured for ${OUTCOME_TOPIC}`);
  const store = new DynamoInventoryStore({ client: tracer.captureAWSv3Client(new DynamoDBClient({ region: config.region })), tables: config.tables });
  const outcomes = new SnsOutcomePublisher({ client: tracer.captureAWSv3Client(new SNSClient({ region: config.region })), topicArn });
  return { store, outcomes, logger };
}

/**
 * The Lambda handler of the sweeper: one sweep per scheduled invocation (EventBridge, every minute).
 * A failed sweep throws, so the invocation counts as an error (and alarms); the next one starts over.
 *
 * @example
 * // apps/expirar-reservas/src/handler.ts
 * export const handler = createSweeperLambdaHandler('expirar-reservas');
 */
export function createSweeperLambdaHandler(app: string, env: NodeJS.ProcessEnv = process.env): (event: ScheduledEvent, context?: Context) => Promise<SweepResult> {
  const observability = createObservability(app, env);
  const deps = createSweeperDeps(loadRuntimeConfig(env), observability);
  const sweep = async (): Promise<SweepResult> => sweepReservations(deps);
  const instrumented = instrumentLambdaHandler({ logger: observability.logger, tracer: observability.tracer, name: app }, sweep);
  return (event, context) => (context ? instrumented(event, context) : sweep());
}

/**
 * Runs the sweeper as a long-lived local process: a sweep every `SWEEPER_INTERVAL_MS` (default 1000)
 * after the previous one ends, until SIGINT or SIGTERM, which let the sweep in flight finish first.
 */
export function runLocalSweeper(app: string, env: NodeJS.ProcessEnv = process.env): void {
  runUntilStopped(app, startLocalSweeper(app, env));
}

/**
 * Starts the sweep loop in this process (see {@link runLocalSweeper}) and returns at once; `stop()` lets
 * a sweep in progress finish. For a process that hosts several apps.
 *
 * @example
 * const sweeper = startLocalSweeper('expirar-reservas');
 * await sweeper.stop();
 */
export function startLocalSweeper(app: string, env: NodeJS.ProcessEnv = process.env): StoppableApp {
  const observability = createObservability(app, env);
  const deps = createSweeperDeps(loadRuntimeConfig(env), observability);
  const loop = startSweepLoop(
    () => sweepReservations(deps),
    sweeperIntervalMs(env),
    (error) => deps.logger.error('Sweep failed; the next one starts over', { error: describeError(error) }),
  );
  deps.logger.info('Sweeper started', { intervalo_ms: sweeperIntervalMs(env) });
  return loop;
}

/** `SWEEPER_INTERVAL_MS` when it is a positive integer, else the default. */
export function sweeperIntervalMs(env: NodeJS.ProcessEnv): number {
  const value = Number(env.SWEEPER_INTERVAL_MS ?? DEFAULT_SWEEPER_INTERVAL_MS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_SWEEPER_INTERVAL_MS;
}
