import {
  peekMessages,
  queueOverview,
  replayMessages,
  summarizeDeadMessage,
  type DeadMessage,
  type ReplayReport,
} from '@inventario/dead-letters';
import { COMMANDS, type CommandEntry } from '@inventario/events';
import type { RequestHandler, Response } from 'express';
import { callDependency, type DependencyCallContext } from '../dependency-call';
import type { ResolvedGatewayDeps } from '../gateway-deps';
import { notFound } from '../http-errors';
import { requestContext } from '../request-context';
import { parseQuery } from '../routes/query-params';
import type { ConsoleDeps } from './console-deps';
import { peekQuerySchema, replayQuerySchema } from './console-query-schemas';

/** Dead messages one peek shows at most. */
const PEEK_MAX = 50;

/** The replay's timings, as `inv replay run` uses by default, except a short settle: a page is waiting. */
const REPLAY_TIMINGS = { batchVisibilitySeconds: 30, holdSeconds: 60, settleSeconds: 2 } as const;

/** `GET /consola/api/colas`: every consumer queue and its dead-letter queue, depths and the oldest dead message's age. */
export function listQueues(deps: ResolvedGatewayDeps, consoleDeps: ConsoleDeps): RequestHandler {
  return async (_req, res) => {
    const rows = await callDependency(dependency(deps, res, 'queueOverview'), () =>
      queueOverview(consoleDeps.sqs, consoleDeps.queues, deps.keyRing, deps.now()),
    );
    res.json({
      data: rows.map((row) => ({
        servicio: row.service,
        rol: row.role,
        cola: row.queue,
        visibles: row.visible,
        en_vuelo: row.inFlight,
        antiguedad_segundos: row.oldestAgeSeconds ?? null,
        antiguedad_minima: row.oldestIsLowerBound,
      })),
    });
  };
}

/**
 * `GET /consola/api/colas/:servicio/mensajes?orden_id=`: the service's dead messages (those of `orden_id`
 * only, when given), summarized (never a body or a signature), none removed.
 */
export function peekDeadLetters(deps: ResolvedGatewayDeps, consoleDeps: ConsoleDeps): RequestHandler {
  return async (req, res) => {
    const entry = serviceOf(String(req.params.servicio));
    const { orden_id: ordenId } = parseQuery(peekQuerySchema, req.query);
    const matches = ordenId === undefined ? undefined : (message: { ordenId: string | undefined }) => message.ordenId === ordenId;
    const messages = await callDependency(dependency(deps, res, 'peekMessages'), async () =>
      peekMessages(consoleDeps.sqs, await consoleDeps.queues.url(entry.deadLetterQueue), { max: PEEK_MAX, keyRing: deps.keyRing, ...(matches && { matches }) }),
    );
    res.json({ servicio: entry.app, cola: entry.deadLetterQueue, data: messages.map(summarizeDeadMessage) });
  };
}

/**
 * `POST /consola/api/colas/:servicio/reenvio?simulacro=&orden_id=`: the same replay as `inv replay run`
 * (send before delete; messages whose signature fails or that a consumer quarantined stay). A dry run
 * unless `simulacro=false`; `orden_id` takes only that command's messages.
 */
export function replayDeadLetters(deps: ResolvedGatewayDeps, consoleDeps: ConsoleDeps): RequestHandler {
  return async (req, res) => {
    const entry = serviceOf(String(req.params.servicio));
    const query = parseQuery(replayQuerySchema, req.query);
    const dryRun = query.simulacro ?? true;
    const context = dependency(deps, res, 'replayMessages');
    const report = await callDependency(context, async () =>
      replayMessages({
        sqs: consoleDeps.sqs,
        sourceUrl: await consoleDeps.queues.url(entry.deadLetterQueue),
        targetUrl: await consoleDeps.queues.url(entry.queue),
        keyRing: deps.keyRing,
        filter: (message) => query.orden_id === undefined || message.ordenId === query.orden_id,
        max: undefined,
        ratePerSecond: undefined,
        dryRun,
        includeTampered: false,
        ...REPLAY_TIMINGS,
        stopSignal: new AbortController().signal,
        now: deps.now,
      }),
    );
    if (report.error !== undefined) {
      deps.logger.error('Console replay stopped early', { correlation_id: context.correlationId, servicio: entry.app, error: report.error });
    }
    res.json(replayBody(entry, report));
  };
}

function replayBody(entry: CommandEntry, report: ReplayReport): Record<string, unknown> {
  const ids = (messages: DeadMessage[]) => messages.map((message) => ({ message_id: message.messageId, orden_id: message.ordenId ?? null }));
  return {
    servicio: entry.app,
    de: entry.deadLetterQueue,
    a: entry.queue,
    simulacro: report.dryRun,
    movidos: ids(report.moved),
    duplicados: ids(report.duplicated),
    no_enviados: report.failed.map(({ message }) => ({ message_id: message.messageId, orden_id: message.ordenId ?? null })),
    apartados: report.heldTampered.map(summarizeDeadMessage),
    omitidos: report.skipped,
    ocultos_por_otro_lector: report.inFlightElsewhere,
    // The SQS error itself stays in the log.
    interrumpido_por_error: report.error !== undefined,
  };
}

/** The catalogue entry of a consumer app (`movimiento-inventario`), or 404. */
function serviceOf(name: string): CommandEntry {
  const entry = COMMANDS.find((candidate) => candidate.app === name);
  if (!entry) throw notFound('Servicio no encontrado');
  return entry;
}

function dependency(deps: ResolvedGatewayDeps, res: Response, operation: string): DependencyCallContext {
  return { logger: deps.logger, operation, correlationId: requestContext(res).correlationId };
}
