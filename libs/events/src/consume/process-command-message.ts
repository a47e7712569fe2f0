import {
  commandFingerprint,
  isValidOrdenId,
  parseCommandBody,
  type ApplyContext,
  type ApplyResult,
  type Command,
  type CommandApplier,
} from '@inventario/inventory-core';
import { verifySignature, type KeyRing } from '@inventario/signature';
import type { Logger } from '@aws-lambda-powertools/logger';
import { describeError, DISCARDED_METRICS, type CommandMetrics } from '@inventario/observability';
import type { SQSRecord } from 'aws-lambda';
import type { CommandEntry } from '../catalogue';
import { commandEnvelopeSchema, type CommandEnvelope } from '../envelope';
import { outcomeEvents, type OutcomeEvent } from '../outcomes/outcome-event';
import type { OutcomePublisher } from '../outcomes/sns-outcome-publisher';
import { messageTrace, type MessageTrace } from './message-trace';
import type { Quarantine, QuarantineReason } from './quarantine';

export interface CommandConsumerDeps {
  entry: CommandEntry;
  applier: CommandApplier;
  keyRing: KeyRing;
  outcomes: OutcomePublisher;
  quarantine: Quarantine;
  logger: Logger;
  /** Counts applied and rejected commands, quarantined messages and latency; default: counts nothing. */
  metrics?: CommandMetrics;
  stockMinimo: number;
  now?: () => Date;
}

/** What became of one message. */
export type MessageResult = 'APLICADA' | 'RECHAZADA' | 'YA_PROCESADA' | 'CUARENTENA';

/**
 * Handles one queue message: checks the envelope and the client's signature (integrity only, so a
 * message replayed days later still applies), applies the command in one transaction, and publishes
 * its outcome. A message that fails a check is quarantined, never applied and never recorded under the
 * id it claims. Transient faults throw, so the queue redelivers the message.
 *
 * Every log line names the message's correlation id and `orden_id` (when it carries valid ones), never
 * its body or signature. Counts (when `metrics` is given): `ComandosAplicados`, `ComandosRechazados` by
 * `codigo` and `LatenciaProcesamiento` (from the gateway's `ocurrido`) for a first outcome, and
 * `MensajesEnCuarentena` by `motivo` once a message is kept.
 */
export async function processCommandMessage(record: SQSRecord, deps: CommandConsumerDeps): Promise<MessageResult> {
  const admitted = await admitCommandMessage(record, deps);
  if (!admitted) return 'CUARENTENA';
  const result = await retriedOnFailure(deps.logger, admitted.ids, () => deps.applier.apply(admitted.command, applyContextOf(admitted)));
  return publishCommandOutcome(admitted, result, deps);
}

/** What the steps of a message need besides the applier (the single and the batched path share them). */
export type MessageStepDeps = Omit<CommandConsumerDeps, 'applier'>;

/** A message that passed every check: its command, its envelope, and the ids its log lines name. */
export interface AdmittedMessage {
  record: SQSRecord;
  command: Command;
  envelope: CommandEnvelope;
  ids: MessageTrace & { correlation_id: string; orden_id: string };
  /** When its processing started: the command's `now`. */
  now: Date;
}

/**
 * The first step of a message: checks it (see {@link processCommandMessage}); one that fails a check is
 * quarantined and counted, and `undefined` is returned. Throws when the quarantine fails (retried).
 */
export async function admitCommandMessage(record: SQSRecord, deps: MessageStepDeps): Promise<AdmittedMessage | undefined> {
  const metrics = deps.metrics ?? DISCARDED_METRICS;
  const trace = messageTrace(record);
  const checked = checkMessage(record, deps);
  if (!checked.ok) {
    deps.logger.warn('Message quarantined', { ...trace, motivo: checked.reason, detalle: checked.detail });
    await retriedOnFailure(deps.logger, trace, () => deps.quarantine.keep(record, checked.reason, checked.detail));
    metrics.messageQuarantined(deps.entry.type, checked.reason);
    return undefined;
  }
  const { command, envelope } = checked;
  const ids = { ...trace, correlation_id: envelope.correlation_id, orden_id: command.ordenId };
  return { record, command, envelope, ids, now: deps.now?.() ?? new Date() };
}

/** What an admitted message's command is applied with. */
export function applyContextOf(admitted: AdmittedMessage): ApplyContext {
  return { fingerprint: commandFingerprint(admitted.command), correlationId: admitted.envelope.correlation_id, now: admitted.now };
}

/**
 * The last step of a message: publishes its command's outcome events, logs and counts the outcome.
 * Throws when the publish fails (the message is retried; the outcome is recorded, so the retry
 * publishes the same events).
 */
export async function publishCommandOutcome(admitted: AdmittedMessage, result: ApplyResult, deps: MessageStepDeps): Promise<MessageResult> {
  const events = outcomeEventsOf(admitted, result, deps);
  await retriedOnFailure(deps.logger, admitted.ids, () => deps.outcomes.publish(events));
  deps.logger.info('Outcome published', { ...admitted.ids, eventos: events.map((event) => event.tipo) });
  return reportCommandOutcome(admitted, result, deps);
}

/** The events an applied message publishes; again on a redelivery too: the first attempt may have died between commit and publish. */
export function outcomeEventsOf(admitted: AdmittedMessage, result: ApplyResult, deps: MessageStepDeps): OutcomeEvent[] {
  const { envelope, now } = admitted;
  return outcomeEvents(result.outcome, { correlationId: envelope.correlation_id, occurredAt: now, stockMinimo: deps.stockMinimo });
}

/** Logs and counts the outcome of a message whose events are published. */
export function reportCommandOutcome(admitted: AdmittedMessage, result: ApplyResult, deps: MessageStepDeps): MessageResult {
  const metrics = deps.metrics ?? DISCARDED_METRICS;
  const { envelope, ids } = admitted;
  const status: MessageResult = result.alreadyFinal ? 'YA_PROCESADA' : result.outcome.estado === 'APLICADA' ? 'APLICADA' : 'RECHAZADA';
  const latency = (deps.now?.() ?? new Date()).getTime() - Date.parse(envelope.ocurrido);
  deps.logger.info('Command processed', {
    ...ids,
    resultado: status,
    ...(result.outcome.motivo && { codigo: result.outcome.motivo.codigo }),
    ...(Number.isFinite(latency) && { latencia_ms: latency }),
  });
  countOutcome(metrics, deps.entry.type, status, result.outcome.motivo?.codigo, latency);
  return status;
}

/** Logs which message will be retried after `error` (ids and error only). */
export function logRetry(logger: Logger, ids: object, error: unknown): void {
  logger.error('Message processing failed; it will be retried', { ...ids, error: describeError(error) });
}

/** A first outcome is counted once; a redelivery of a final one is not counted again. */
function countOutcome(metrics: CommandMetrics, tipo: string, status: MessageResult, codigo: string | undefined, latency: number): void {
  if (status === 'APLICADA') metrics.commandApplied(tipo);
  else if (status === 'RECHAZADA') metrics.commandRejected(tipo, codigo ?? 'DESCONOCIDO');
  else return;
  if (Number.isFinite(latency)) metrics.processingLatency(tipo, latency);
}

/** Runs a dependency call; when it throws, logs which message will be retried (ids and error only) and throws on. */
async function retriedOnFailure<T>(logger: Logger, ids: object, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    logRetry(logger, ids, error);
    throw error;
  }
}

type CheckedMessage =
  | { ok: true; command: Command; envelope: CommandEnvelope }
  | { ok: false; reason: QuarantineReason; detail: string };

function checkMessage(record: SQSRecord, deps: MessageStepDeps): CheckedMessage {
  const envelope = parseEnvelope(record.body);
  if (!envelope) return invalid('MENSAJE_INVALIDO', 'not a command envelope');
  if (envelope.tipo !== deps.entry.type) return invalid('MENSAJE_INVALIDO', `type ${envelope.tipo} on the ${deps.entry.type} queue`);
  const body = Buffer.from(envelope.cuerpo, 'base64');
  const signature = verifySignature({ keyRing: deps.keyRing, header: envelope.firma, body, checkFreshness: false });
  if (!signature.ok) return invalid('FIRMA_INVALIDA', signature.reason);
  const parsed = parseCommandBody(deps.entry.type, parseJson(body));
  if (!parsed.ok) return invalid('MENSAJE_INVALIDO', 'body breaks the contract rules');
  // A signed body's own id wins; the envelope's id is only trusted for bodies that carry none.
  if (parsed.ordenId !== undefined && parsed.ordenId !== envelope.orden_id) {
    return invalid('MENSAJE_INVALIDO', 'envelope orden_id differs from the signed body');
  }
  if (!isValidOrdenId(envelope.orden_id)) return invalid('MENSAJE_INVALIDO', 'invalid orden_id');
  return { ok: true, envelope, command: { ...parsed.payload, ordenId: envelope.orden_id } };
}

function invalid(reason: QuarantineReason, detail: string): CheckedMessage {
  return { ok: false, reason, detail };
}

function parseEnvelope(body: string): CommandEnvelope | undefined {
  const result = commandEnvelopeSchema.safeParse(parseJson(body));
  return result.success ? result.data : undefined;
}

function parseJson(text: string | Buffer): unknown {
  try {
    return JSON.parse(text.toString());
  } catch {
    return undefined;
  }
}
