import { commandPath, idInPath, type CommandEntry } from '@inventario/events';
import { findRouteTarget } from '../replay/find-service';
import { EXIT, UsageError } from '../errors';
import type { SignatureForm } from '../http/gateway-client';
import { waitForOutcome, type StateRead } from '../http/outcome';
import { renderRecord } from '../output/table';
import type { CommandContext } from './context';
import { bodyOf, type BodyOptions } from './send-body';
import { exitOf, stateText } from './state-view';

/** Options of `send`: the body as JSON, or its fields one by one, and how to sign and wait. */
export interface SendOptions extends BodyOptions {
  idempotencyKey?: string;
  legacy?: boolean;
  /** Sign in the body-only timestamped form (`t=,v1=`) instead of the request-bound `v2`. */
  v1?: boolean;
  wait?: boolean;
  timeout: number;
}

/** The 202 of a command route. */
interface Accepted {
  mensaje: string;
  orden_id: string;
  estado_url: string;
  sns_message_id: string;
}

/**
 * `send <route>`: signs the request (`t=,v2=` over method, path and body; `--v1` for the body-only
 * timestamped form, `--legacy` for the old clients' form) and posts it; with `--wait`,
 * follows `estado_url` to the outcome (for a hold, the reservation). A step of a reservation is posted to
 * its path with the id in it (`reservas/r-1/confirmar`, or the route and `--orden-id`). Exit 0 when
 * accepted (with `--wait`: applied), 3 when rejected, 1 on an error (the contract's message is printed,
 * e.g. a 401 for a wrong key).
 */
export async function send(context: CommandContext, route: string, options: SendOptions): Promise<number> {
  const target = findRouteTarget(route);
  const entry = target.entry;
  const form: SignatureForm = options.legacy ? 'legacy' : options.v1 ? 'timestamped' : 'request-bound';
  const stepOrdenId = idInPath(entry) ? stepIdOf(entry, target.ordenId, options) : undefined;
  const body = bodyOf({ entry, signsPath: form === 'request-bound', ...(stepOrdenId !== undefined && { stepOrdenId }) }, options);
  const client = context.gatewayClient();
  const answer = await client.postSigned(commandPath(entry, stepOrdenId), body, {
    key: context.gateway().signingKey,
    form,
    ...(options.idempotencyKey !== undefined && { headers: { 'Idempotency-Key': options.idempotencyKey } }),
  });
  const accepted = answer.body as Accepted;
  if (!options.wait) {
    context.print({ status: answer.status, ...accepted }, () =>
      renderRecord({ status: answer.status, mensaje: accepted.mensaje, orden_id: accepted.orden_id, estado_url: accepted.estado_url }),
    );
    return EXIT.ok;
  }
  if (!context.json) context.say(`${answer.status} ${accepted.mensaje}; waiting for ${accepted.estado_url}`);
  const outcome = await waitForOutcome<StateRead>(client, accepted.estado_url, { timeoutMs: options.timeout * 1000, stopSignal: context.io.stopSignal });
  context.print({ status: answer.status, ...accepted, resultado: outcome }, () => stateText(entry, outcome));
  return exitOf(outcome);
}

/**
 * The id of a step of a reservation: the path's, or `--orden-id`'s (the two must agree). The path names
 * the command, so `--idempotency-key` has nothing to name.
 */
function stepIdOf(entry: CommandEntry, fromPath: string | undefined, options: SendOptions): string {
  if (options.idempotencyKey !== undefined) throw new UsageError(`${entry.route} is named by its path: --idempotency-key does not apply`);
  if (fromPath !== undefined && options.ordenId !== undefined && fromPath !== options.ordenId) {
    throw new UsageError(`the path names ${fromPath}, --orden-id ${options.ordenId}: give one`);
  }
  const ordenId = fromPath ?? options.ordenId;
  if (ordenId === undefined) throw new UsageError(`${entry.route} needs the hold's id: --orden-id <id>, or the path with it (${commandPath(entry, 'r-1')})`);
  return ordenId;
}
