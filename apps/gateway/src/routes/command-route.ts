import { SIGNATURE_HEADER } from '@inventario/signature';
import { commandFingerprint, parseCommandBody } from '@inventario/inventory-core';
import type { CommandEntry, CommandEnvelope } from '@inventario/events';
import type { Request, RequestHandler, Response } from 'express';
import { IDEMPOTENCY_KEY_HEADER } from '../constants';
import { callDependency } from '../dependency-call';
import type { ResolvedGatewayDeps } from '../gateway-deps';
import { validationError } from '../http-errors';
import { requestContext } from '../request-context';
import { acceptanceMessage } from './acceptance-message';
import { parseJsonBody } from './parse-json-body';
import { estadoUrl } from './paths';
import { resolveOrdenId } from './resolve-orden-id';

/** The body of a 202. */
export interface AcceptedBody {
  mensaje: string;
  orden_id: string;
  estado_url: string;
  sns_message_id: string;
}

/**
 * The last step of a command route, once size, content type and signature passed: parses the JSON,
 * applies the contract's rules, resolves the command's id, records it as PENDIENTE, publishes its
 * envelope to the catalogue topic and answers 202 with `Location: <estado_url>`. Built once per
 * catalogue entry.
 *
 * @example
 * for (const entry of COMMANDS) router.post(entry.route, ...checks, commandRoute(entry, deps));
 */
export function commandRoute(entry: CommandEntry, deps: ResolvedGatewayDeps): RequestHandler {
  return async (req: Request, res: Response) => {
    const context = requestContext(res);
    const raw = context.rawBody ?? Buffer.alloc(0);
    const parsed = parseCommandBody(entry.type, parseJsonBody(raw));
    if (!parsed.ok) throw validationError(parsed.detalles);

    const ordenId = resolveOrdenId(parsed.ordenId, req.get(IDEMPOTENCY_KEY_HEADER), deps.newId);
    context.ordenId = ordenId;
    const acceptedAt = deps.now();

    const dependency = (operation: string) => ({ logger: deps.logger, operation, correlationId: context.correlationId });
    await callDependency(dependency('recordAccepted'), () =>
      deps.intake.recordAccepted({
        type: entry.type,
        ordenId,
        fingerprint: commandFingerprint(parsed.payload),
        correlationId: context.correlationId,
        acceptedAt,
      }),
    );
    const envelope: CommandEnvelope = {
      id: deps.newId(),
      tipo: entry.type,
      ocurrido: acceptedAt.toISOString(),
      correlation_id: context.correlationId,
      orden_id: ordenId,
      cuerpo: raw.toString('base64'),
      firma: req.get(SIGNATURE_HEADER) ?? '',
    };
    const { messageId } = await callDependency(dependency('publish'), () => deps.publisher.publish(entry, envelope));
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
