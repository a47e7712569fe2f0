import {
  commandFingerprint,
  decodeCommand,
  isValidOrdenId,
  type ApplyContext,
  type ApplyResult,
  type Command,
  type CommandApplier,
  type UnreadableCommand,
} from '@inventario/inventory-core';
import type { KeyRing, SignatureForm } from '@inventario/signature';
import type { Logger } from '@aws-lambda-powertools/logger';
import { describeError, DISCARDED_METRICS, type CommandMetrics } from '@inventario/observability';
import type { SQSRecord } from 'aws-lambda';
import { idInPath, ordenIdFromPath, type CommandEntry } from '../../contract/catalogue';
import { commandEnvelopeSchema, type CommandEnvelope } from '../../contract/envelope';
import { signatureCoversPathId } from '../../contract/signed-route';
import { verifyEnvelopeSignature } from '../../contract/verify-envelope-signature';
import { outcomeEvents, type OutcomeEvent } from '../../contract/outcome-event';
import type { OutcomePublisher } from '../publish/sns-outcome-publisher';
import { messageTrace, type MessageTrace } from './message-trace';
import { processingLatencyMs } from './processing-latency';
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
 * its outcome. A message that fails a check is quarantined and never applied; one whose signature fails
 * is never recorded under the id it claims, while one authentically signed whose body is not its command
 * is recorded RECHAZADA `MENSAJE_INVALIDO` (and announced), so its `estado_url` does not wait for ever.
 * Transient faults throw, so the queue redelivers the message.
 *
 * Every log line names the message's correlation id and `orden_id` (when it carries valid ones), never
 * its body or signature. Counts (when `metrics` is given): `ComandosAplicados`, `ComandosRechazados` by
 * `codigo` and `LatenciaProcesamiento` (from the gateway's `ocurrido`; none when negative or beyond the
 * queue's retention, {@link processingLatencyMs}) for a first outcome, and
 * `MensajesEnCuarentena` by `motivo` once a message is kept.
 */
export async function processCommandMessage(record: SQSRecord, deps: CommandConsumerDeps): Promise<MessageResult> {
  const admitted = await admitCommandMessage(record, deps);
  if (!admitted) return 'CUARENTENA';
  const result = await retriedOnFailure(deps.logger, admitted.ids, () => deps.applier.apply(admitted.command, applyContextOf(admitted)));
  return publishCommandOutcome(admitted, result, deps);
}

/**
 * What the steps of a message need besides applying commands (the single and the batched path share
 * them): of the applier, only the refusal of an unreadable command, which a check may record.
 */
export type MessageStepDeps = Omit<CommandConsumerDeps, 'applier'> & { applier: Pick<CommandApplier, 'refuseUnreadable'> };

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
 * set aside (quarantined, counted, and recorded `MENSAJE_INVALIDO` when authentic), and `undefined` is
 * returned. Throws when setting it aside fails (retried).
 */
export async function admitCommandMessage(record: SQSRecord, deps: MessageStepDeps): Promise<AdmittedMessage | undefined> {
  const trace = messageTrace(record);
  const now = deps.now?.() ?? new Date();
  const checked = checkMessage(record, deps, now);
  if (!checked.ok) {
    await setAside(record, checked, deps, trace, now);
    return undefined;
  }
  const { command, envelope } = checked;
  const ids = { ...trace, correlation_id: envelope.correlation_id, orden_id: command.ordenId };
  return { record, command, envelope, ids, now };
}

/** What an admitted message's command is applied with. */
export function applyContextOf(admitted: AdmittedMessage): ApplyContext {
  return {
    fingerprint: commandFingerprint(admitted.command),
    correlationId: admitted.envelope.correlation_id,
    now: admitted.now,
    acceptedAt: admitted.envelope.ocurrido,
  };
}

/**
 * The last step of a message: publishes its command's outcome events, logs and counts the outcome.
 * Throws when the publish fails (the message is retried; the outcome is recorded, so the retry
 * publishes the same events).
 */
export async function publishCommandOutcome(admitted: AdmittedMessage, result: ApplyResult, deps: MessageStepDeps): Promise<MessageResult> {
  const events = outcomeEventsOf(admitted, result, deps);
  await retriedOnFailure(deps.logger, admitted.ids, () => deps.outcomes.publish(events));
  logOutcomePublished(admitted, events, deps);
  return reportCommandOutcome(admitted, result, deps);
}

/** The log line of a message whose events went out; the single and the batched path write the same one. */
export function logOutcomePublished(admitted: AdmittedMessage, events: readonly OutcomeEvent[], deps: MessageStepDeps): void {
  deps.logger.info('Outcome published', { ...admitted.ids, eventos: events.map((event) => event.tipo) });
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
  const latency = processingLatencyMs(envelope.ocurrido, deps.now?.() ?? new Date());
  deps.logger.info('Command processed', {
    ...ids,
    resultado: status,
    ...(result.outcome.motivo && { codigo: result.outcome.motivo.codigo }),
    ...(latency !== undefined && { latencia_ms: latency }),
  });
  countOutcome(metrics, deps.entry.type, status, result.outcome.motivo?.codigo, latency);
  return status;
}

/** Logs which message will be retried after `error` (ids and error only). */
export function logRetry(logger: Logger, ids: object, error: unknown): void {
  logger.error('Message processing failed; it will be retried', { ...ids, error: describeError(error) });
}

/**
 * Keeps a message that failed a check in the dead-letter queue. One that is authentically signed but is
 * not its command is first recorded RECHAZADA `MENSAJE_INVALIDO` (a redelivery finds it final and only
 * keeps the message again), and that outcome is announced, again on a redelivery too (at least once).
 */
async function setAside(
  record: SQSRecord,
  checked: Extract<CheckedMessage, { ok: false }>,
  deps: MessageStepDeps,
  trace: object,
  now: Date,
): Promise<void> {
  const metrics = deps.metrics ?? DISCARDED_METRICS;
  deps.logger.warn('Message quarantined', { ...trace, motivo: checked.reason, detalle: checked.detail });
  const refusal = checked.unreadable;
  const refused = refusal && (await retriedOnFailure(deps.logger, trace, () => deps.applier.refuseUnreadable(refusal)));
  await retriedOnFailure(deps.logger, trace, () => deps.quarantine.keep(record, checked.reason, checked.detail));
  metrics.messageQuarantined(deps.entry.type, checked.reason);
  if (!refusal || refused?.outcome.motivo?.codigo !== 'MENSAJE_INVALIDO') return;
  const events = outcomeEvents(refused.outcome, { correlationId: refusal.correlationId, occurredAt: now, stockMinimo: deps.stockMinimo });
  await retriedOnFailure(deps.logger, trace, () => deps.outcomes.publish(events));
  if (refused.alreadyFinal) return;
  metrics.commandRejected(deps.entry.type, 'MENSAJE_INVALIDO');
  deps.logger.info('Unreadable command refused', { ...trace, codigo: 'MENSAJE_INVALIDO' });
}

/** A first outcome is counted once; a redelivery of a final one is not counted again. */
function countOutcome(metrics: CommandMetrics, tipo: string, status: MessageResult, codigo: string | undefined, latency: number | undefined): void {
  if (status === 'APLICADA') metrics.commandApplied(tipo);
  else if (status === 'RECHAZADA') metrics.commandRejected(tipo, codigo ?? 'DESCONOCIDO');
  else return;
  if (latency !== undefined) metrics.processingLatency(tipo, latency);
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
  | { ok: false; reason: QuarantineReason; detail: string; unreadable?: UnreadableCommand };

/**
 * The checks of a message, in order: the envelope, its queue, its id, the client's signature (a `v2`
 * over the route the envelope says it was posted to, which must be this queue's; for a route with the id
 * in its path, the id there must be the envelope's), then the body, read
 * by `decodeCommand` exactly as the gateway read it. A message that passes the signature but whose
 * body is not the command it names is `unreadable`: its id is authentic, so its outcome is recorded.
 */
function checkMessage(record: SQSRecord, deps: MessageStepDeps, now: Date): CheckedMessage {
  const envelope = parseEnvelope(record.body);
  if (!envelope) return invalid('MENSAJE_INVALIDO', 'not a command envelope');
  if (envelope.tipo !== deps.entry.type) return invalid('MENSAJE_INVALIDO', `type ${envelope.tipo} on the ${deps.entry.type} queue`);
  if (!isValidOrdenId(envelope.orden_id)) return invalid('MENSAJE_INVALIDO', 'invalid orden_id');
  const signature = verifyEnvelopeSignature(deps.entry, envelope, deps.keyRing);
  if (!signature.ok) return invalid('FIRMA_INVALIDA', signature.reason);
  if (!signedPathNamesEnvelopeId(deps.entry, envelope, signature.form)) {
    return invalid('FIRMA_INVALIDA', 'envelope orden_id differs from the id in the signed path');
  }
  const decoded = decodeCommand(deps.entry.type, Buffer.from(envelope.cuerpo, 'base64'));
  if (!decoded.ok) {
    const unreadable = { type: deps.entry.type, ordenId: envelope.orden_id, correlationId: envelope.correlation_id, now };
    return { ok: false, reason: 'MENSAJE_INVALIDO', detail: 'body breaks the contract rules', unreadable };
  }
  // A signed body's own id wins; the envelope's id is only trusted for bodies that carry none.
  if (decoded.ordenId !== undefined && decoded.ordenId !== envelope.orden_id) {
    return invalid('MENSAJE_INVALIDO', 'envelope orden_id differs from the signed body');
  }
  if (!signatureCoversPathId(deps.entry, signature.form, decoded.ordenId)) {
    return invalid('FIRMA_INVALIDA', 'a v1 or legacy signature of a step whose body does not name its hold');
  }
  return { ok: true, envelope, command: { ...decoded.payload, ordenId: envelope.orden_id } };
}

/**
 * For a route with the id in its path, a `v2` signature covers that path, so the id it names is the
 * authentic one and the envelope's must be it. A `v1` or legacy signature covers the body only: the
 * envelope's id is then taken as for any id-less body.
 */
function signedPathNamesEnvelopeId(entry: CommandEntry, envelope: CommandEnvelope, form: SignatureForm): boolean {
  if (!idInPath(entry) || form !== 'request-bound' || envelope.ruta === undefined) return true;
  return ordenIdFromPath(entry, envelope.ruta) === envelope.orden_id;
}

function invalid(reason: QuarantineReason, detail: string): CheckedMessage {
  return { ok: false, reason, detail };
}

function parseEnvelope(body: string): CommandEnvelope | undefined {
  try {
    const result = commandEnvelopeSchema.safeParse(JSON.parse(body));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
