import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { COMMANDS } from '@inventario/events';
import { startBenchSystem, type BenchSystem } from '../harness/bench-system';
import { listenToOutcomes, notYet, signedPost, waitUntil, type OutcomeListener } from '@inventario/local-stack';
import { runPool } from '../harness/run-pool';
import { startConsumerKiller } from './consumer-killer';
import { peekDeadLetters, queueDepth } from './dead-letters';
import { startDuplicator } from './duplicator';
import { commandViolations, eventViolations, reservationViolations, stockViolations, type AcceptedCommand } from './invariants';
import { readReservations, readState } from './read-state';
import { replayDeadLetters, type ReplayMethod } from './replay';
import { buildProbes, buildReservationSteps, buildWorkload, CHAOS_HOLD_SECONDS, chaosProductId, type ChaosCommand } from './workload';

/** Size and pace of a chaos run. */
export interface ChaosOptions {
  commands: number;
  products: number;
  /** A consumer is SIGKILLed (and restarted) this often. */
  killEveryMs: number;
  /** At least this many kills happen, however fast the commands go. */
  minKills: number;
  /** Share of commands delivered twice. */
  duplicateShare: number;
  /** POSTs in flight. */
  concurrency: number;
  seed: number;
  /** The whole run is abandoned (as a violation) past this. */
  timeoutMs: number;
  /** Keep every app's output in this folder. */
  logDir?: string;
}

/** What happened, and every invariant that broke. */
export interface ChaosReport {
  options: ChaosOptions;
  /** Commands sent: the workload and the steps of its holds. */
  sent: number;
  /** How the holds ended, by status. */
  holds: Record<string, number>;
  accepted: number;
  notAccepted: number;
  kills: number;
  dynamoDbRestarts: number;
  duplicatesPublished: number;
  inDeadLettersBeforeReplay: number;
  replay: ReplayMethod[];
  applied: number;
  rejected: number;
  outcomeEvents: number;
  seconds: number;
  violations: string[];
}

const KEY = 'chaos-signing-key';
/** Visibility of the consumer queues in a chaos run: a killed consumer's messages come back after this. */
const VISIBILITY_SECONDS = 8;

/**
 * A chaos run: the whole system on DynamoDB Local with its data on disk; the workload sent through the
 * gateway while consumers are SIGKILLed and restarted, a share of commands delivered twice, and
 * DynamoDB Local restarted once (same port, same data). Then the invariants are checked from the data,
 * the dead-letter queues replayed, and checked again.
 */
export async function runChaos(options: ChaosOptions, say: (line: string) => void): Promise<ChaosReport> {
  const startedAt = Date.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'inventario-caos-'));
  const system = await startBenchSystem({ key: KEY, dataDir, ...(options.logDir !== undefined && { logDir: options.logDir }) });
  try {
    return await withDeadline(runOn(system, options, say, startedAt), options.timeoutMs);
  } finally {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function runOn(system: BenchSystem, options: ChaosOptions, say: (line: string) => void, startedAt: number): Promise<ChaosReport> {
  const { sqs, dynamodb } = system.clients;
  const queueUrls = system.resources.queues;
  await Promise.all(
    COMMANDS.map((entry) =>
      sqs.send(new SetQueueAttributesCommand({ QueueUrl: queueUrls[entry.queue], Attributes: { VisibilityTimeout: String(VISIBILITY_SECONDS) } })),
    ),
  );
  const workload = buildWorkload({ commands: options.commands, products: options.products, seed: options.seed });
  const chosen = new Set(workload.filter((_, i) => i % Math.round(1 / options.duplicateShare) === 0).map((command) => command.ordenId));
  const listener = await listenToOutcomes(system.env);
  const duplicator = await startDuplicator(system.clients, system.resources.topics, chosen);
  const violations: string[] = [];
  const killer = startConsumerKiller(system, options.killEveryMs, (error) => violations.push(`a consumer did not restart: ${error.message}`));

  say(`sending ${workload.length} commands over ${options.products} products`);
  const accepted: AcceptedCommand[] = [];
  let notAccepted = 0;
  let restart: Promise<void> | undefined;
  const send = async (command: ChaosCommand): Promise<void> => {
    if (await sendUntilAccepted(system.url, command)) accepted.push({ type: command.type, ordenId: command.ordenId });
    else notAccepted++;
  };
  await runPool(workload, options.concurrency, async (command) => {
    await send(command);
    if (restart === undefined && accepted.length >= workload.length * 0.4) {
      say('restarting DynamoDB Local (data kept)');
      restart = system.restartDynamoDb();
    }
  });
  await restart;
  await waitForDrain(system, COMMANDS.map((entry) => entry.queue));
  // The holds' steps go once the holds are in, so most find them ACTIVA; the rest expire while the
  // sweeper, too, is killed in turn.
  const steps = buildReservationSteps(workload, options.seed);
  say(`sending ${steps.length} confirmations and releases of holds`);
  await runPool(steps, options.concurrency, send);
  // The probes are there to make every ending of a hold happen, so no kill may decide them: a kill can
  // leave a probe's purchase or hold in a dead-letter queue until the replay, after its step was refused
  // and too late to expire. Each phase goes once the one before is final.
  const probes = buildProbes(options);
  say(`sending ${probes.holds.length} probe holds (and their purchases and steps) with the kills paused`);
  await killer.pause();
  for (const phase of [probes.purchases, probes.holds, probes.steps]) {
    await runPool(phase, options.concurrency, send);
    await Promise.all(phase.map((command) => listener.finalOutcome(command.type, command.ordenId, 60_000)));
  }
  killer.resume();
  steps.push(...probes.purchases, ...probes.holds, ...probes.steps);
  await duplicator.settle(new Set(accepted.map((command) => command.ordenId)), 60_000);
  await waitForHoldsToEnd(system, CHAOS_HOLD_SECONDS * 1000 + 30_000, say);
  await killer.stop(options.minKills);
  say(`sent: ${accepted.length} accepted; ${killer.kills} kills; ${duplicator.published} delivered twice; waiting for the queues to drain`);
  await waitForDrain(system, COMMANDS.map((entry) => entry.queue));

  const dead = await peekDeadLetters(sqs, queueUrls);
  const inDeadLetters = new Set(dead.flatMap((queue) => queue.ordenIds));
  const before = await readState(dynamodb, chaosProductId(0).slice(0, 5));
  violations.push(...stockViolations(before).map((v) => `before replay: ${v}`), ...commandViolations(before, accepted, inDeadLetters).map((v) => `before replay: ${v}`));

  const replay: ReplayMethod[] = [];
  for (const queue of dead) {
    if (queue.ordenIds.length === 0) continue;
    say(`replaying ${queue.ordenIds.length} messages of ${queue.entry.deadLetterQueue}`);
    // The CLI checks each message's signature before moving it, so it needs the run's key.
    replay.push(await replayDeadLetters(sqs, queueUrls, queue.entry, { ...system.env, SIGNATURE_SECRET: KEY }, say));
  }
  await waitForDrain(system, COMMANDS.map((entry) => entry.queue));
  for (const entry of COMMANDS) {
    const left = await queueDepth(sqs, queueUrls[entry.deadLetterQueue] ?? '');
    if (left > 0) violations.push(`${entry.deadLetterQueue}: ${left} messages left after the replay`);
  }
  const after = await readState(dynamodb, chaosProductId(0).slice(0, 5));
  violations.push(...stockViolations(after), ...commandViolations(after, accepted, new Set()), ...reservationViolations(after, new Date(), HOLD_GRACE_MS));
  await waitForEvents(listener, accepted, 30_000);
  await duplicator.stop();
  await listener.stop();
  violations.push(...eventViolations(after, accepted, listener.events.map((received) => received.event)));

  const records = new Map(after.records.map((record) => [record.comando_id, record.estado]));
  const statuses = accepted.map((command) => records.get(`${command.type}#${command.ordenId}`));
  return {
    options,
    sent: workload.length + steps.length,
    holds: countBy((after.reservations ?? []).map((hold) => hold.estado)),
    accepted: accepted.length,
    notAccepted,
    kills: killer.kills,
    dynamoDbRestarts: restart === undefined ? 0 : 1,
    duplicatesPublished: duplicator.published,
    inDeadLettersBeforeReplay: inDeadLetters.size,
    replay,
    applied: statuses.filter((estado) => estado === 'APLICADA').length,
    rejected: statuses.filter((estado) => estado === 'RECHAZADA').length,
    outcomeEvents: listener.events.length,
    seconds: (Date.now() - startedAt) / 1000,
    violations,
  };
}

/** Sends a command, retrying it (same `orden_id`, same body: a retry) while the gateway cannot take it. */
async function sendUntilAccepted(url: string, command: ChaosCommand): Promise<boolean> {
  for (let attempt = 1; attempt <= 10; attempt++) {
    const answer = await signedPost(url, command.route, command.body, { key: KEY }).catch(() => undefined);
    if (answer?.status === 202) return true;
    if (answer !== undefined && answer.status < 500) throw new Error(`${command.route} ${command.ordenId} refused: ${answer.status} ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
  }
  return false;
}

/** Waits until the queues hold nothing, visible or in flight, twice in a row; the run's deadline bounds it. */
async function waitForDrain(system: BenchSystem, queues: readonly string[]): Promise<void> {
  let quiet = 0;
  await waitUntil(
    async () => {
      const depths = await Promise.all(queues.map((queue) => queueDepth(system.clients.sqs, system.resources.queues[queue] ?? '')));
      quiet = depths.every((depth) => depth === 0) ? quiet + 1 : 0;
      if (quiet < 2) notYet(`the queues still hold ${depths.join(', ')} messages`);
    },
    { timeoutMs: Number.POSITIVE_INFINITY, intervalMs: 500 },
  );
}

async function waitForEvents(listener: OutcomeListener, accepted: readonly AcceptedCommand[], timeoutMs: number): Promise<void> {
  await Promise.all(accepted.map((command) => listener.finalOutcome(command.type, command.ordenId, timeoutMs).catch(() => undefined)));
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the chaos run took longer than ${ms / 1000} s`)), ms)));
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * A hold ACTIVA this long past its expiry breaks an invariant: the sweeper's period (1 s locally) plus a
 * consumer's or the sweeper's kill and restart.
 */
const HOLD_GRACE_MS = 20_000;

/** Waits until no hold is ACTIVA any more: confirmed, released, or expired by the sweeper. */
async function waitForHoldsToEnd(system: BenchSystem, timeoutMs: number, say: (line: string) => void): Promise<void> {
  say('waiting for every hold to be confirmed, released or expired');
  await waitUntil(
    async () => {
      const active = (await readReservations(system.clients.dynamodb)).filter((hold) => hold.estado === 'ACTIVA').length;
      return active === 0 ? true : notYet(`${active} holds still ACTIVA`);
    },
    { timeoutMs, intervalMs: 1000 },
  ).catch((error: Error) => say(`holds: ${error.message}`));
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
