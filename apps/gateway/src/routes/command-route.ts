import { SIGNATURE_HEADER } from '@inventario/signature';
import { commandFingerprint, decodeCommand, type AcceptedCommand } from '@inventario/inventory-core';
import { idInPath, signatureCoversPathId, type CommandEntry, type CommandEnvelope } from '@inventario/events';
import type { Request, RequestHandler, Response } from 'express';
import { IDEMPOTENCY_KEY_HEADER } from '../constants';
import { describeError } from '@inventario/observability';
import { dependencyFailed } from '../dependency-call';
import type { ResolvedGatewayDeps } from '../gateway-deps';
import { HttpError, validationError } from '../http-errors';
import { requestContext, type RequestContext } from '../request-context';
import { acceptanceMessage } from './acceptance-message';
import { estadoUrl } from './paths';
import { pathOrdenId } from './path-orden-id';
import { requestPath } from './request-path';
import { resolveOrdenId } from './resolve-orden-id';

/** The body of a 202. */
export interface AcceptedBody {
  mensaje: string;
  orden_id: string;
  estado_url: string;
  sns_message_id: string;
}

/**
 * The last step of a command route, once size, content type and signature passed: reads the raw bytes
 * as the command (`decodeCommand`, the very function its consumer uses), resolves the command's id (the
 * path's, for a route that names it there), then records it as PENDIENTE and publishes its envelope to the catalogue topic at once, and answers
 * 202 with `Location: <estado_url>`. Built once per catalogue entry.
 *
 * The record and the publish run side by side (one round trip of latency instead of two):
 * - published: 202, whether or not the record was written (the consumer writes the record itself;
 *   until then `estado_url` answers 404, which the contract allows);
 * - not published: 503, and the PENDIENTE record this acceptance wrote is taken back, since no message
 *   exists that would ever finish it.
 *
 * @example
 * for (const entry of COMMANDS) router.post(entry.route, ...checks, commandRoute(entry, deps));
 */
export function commandRoute(entry: CommandEntry, deps: ResolvedGatewayDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const context = requestContext(res);
    const raw = context.rawBody ?? Buffer.alloc(0);
    const decoded = decodeCommand(entry.type, raw);
    if (!decoded.ok) {
      throw decoded.detalles ? validationError(decoded.detalles) : new HttpError(400, decoded.codigo, decoded.mensaje);
    }

    const path = requestPath(req, res);
    if (context.signatureForm !== undefined && !signatureCoversPathId(entry, context.signatureForm, decoded.ordenId)) {
      throw validationError([
        { campo: 'orden_id', mensaje: 'must be in the body unless the request is signed v2 (t=,v2=): a v1 or legacy signature covers the body alone' },
      ]);
    }
    // A step of a reservation is named by its path, never by Idempotency-Key or the signature.
    const ordenId = idInPath(entry)
      ? pathOrdenId(entry, path, decoded.ordenId)
      : resolveOrdenId(decoded.ordenId, req.get(IDEMPOTENCY_KEY_HEADER), { signedAt: context.signedAt, body: raw }, deps.newId);
    context.ordenId = ordenId;
    const acceptedAt = deps.now();
    const accepted: AcceptedCommand = {
      type: entry.type,
      ordenId,
      fingerprint: commandFingerprint(decoded.payload),
      correlationId: context.correlationId,
      acceptedAt,
    };
    const envelope: CommandEnvelope = {
      id: deps.newId(),
      tipo: entry.type,
      ocurrido: acceptedAt.toISOString(),
      correlation_id: context.correlationId,
      orden_id: ordenId,
      cuerpo: raw.toString('base64'),
      firma: req.get(SIGNATURE_HEADER) ?? '',
      ruta: path,
    };
    const messageId = await recordAndPublish(entry, deps, context, accepted, envelope);
    deps.metrics.commandAccepted(entry.type);

    const url = estadoUrl(entry, ordenId);
    const body: AcceptedBody = {
      mensaje: acceptanceMessage(entry.type),
      orden_id: ordenId,
      estado_url: url,
      sns_message_id: messageId,
    };
    res.status(202).set('Location', url).json(body);
  };
}

async function recordAndPublish(
  entry: CommandEntry,
  deps: ResolvedGatewayDeps,
  context: RequestContext,
  accepted: AcceptedCommand,
  envelope: CommandEnvelope,
): Promise<string> {
  const ids = { correlation_id: context.correlationId, orden_id: accepted.ordenId };
  const [recorded, published] = await Promise.allSettled([deps.intake.recordAccepted(accepted), deps.publisher.publish(entry, envelope)]);
  if (published.status === 'fulfilled') {
    if (recorded.status === 'rejected') {
      deps.logger.warn('Command published but not recorded as PENDIENTE; its consumer records it', {
        ...ids,
        error: describeError(recorded.reason),
      });
    }
    return published.value.messageId;
  }
  if (recorded.status === 'fulfilled' && recorded.value.created) {
    await deps.intake.withdrawAccepted(accepted).catch((error: unknown) => {
      // The record stays PENDIENTE until its lifetime passes, then reads MENSAJE_CADUCADO.
      deps.logger.error('Could not take back the record of an unpublished command', { ...ids, error: describeError(error) });
    });
  }
  throw dependencyFailed({ logger: deps.logger, operation: 'publish', correlationId: context.correlationId }, published.reason);
}
