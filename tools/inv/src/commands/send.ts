import { findRoute } from '../replay/find-service';
import { EXIT, UsageError } from '../errors';
import { waitForOutcome, type CommandOutcome } from '../http/outcome';
import { renderRecord } from '../output/table';
import type { CommandContext } from './context';
import { outcomeText } from './outcome-view';

/** Options of `send`: the body as JSON, or its fields one by one. */
export interface SendOptions {
  json?: string;
  ordenId?: string;
  productoId?: string;
  cantidad?: string;
  nombre?: string;
  precio?: string;
  estado?: string;
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
 * follows `estado_url` to the outcome. Exit 0 when accepted (with `--wait`: applied), 3 when rejected,
 * 1 on an error (the contract's message is printed, e.g. a 401 for a wrong key).
 */
export async function send(context: CommandContext, route: string, options: SendOptions): Promise<number> {
  const entry = findRoute(route);
  const body = bodyOf(options);
  const client = context.gatewayClient();
  const gateway = context.gateway();
  const answer = await client.postSigned(entry.route, body, {
    key: gateway.signingKey,
    form: options.legacy ? 'legacy' : options.v1 ? 'timestamped' : 'request-bound',
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
  const outcome = await waitForOutcome(client, accepted.estado_url, { timeoutMs: options.timeout * 1000, stopSignal: context.io.stopSignal });
  context.print({ status: answer.status, ...accepted, resultado: outcome }, () => outcomeText(outcome));
  return exitOf(outcome);
}

/** 0 applied, 3 rejected. */
export function exitOf(outcome: CommandOutcome): number {
  return outcome.estado === 'RECHAZADA' ? EXIT.rejected : EXIT.ok;
}

/** The exact bytes to sign and send: `--json` as given, or the field flags as compact JSON. */
function bodyOf(options: SendOptions): string {
  const fields: Record<string, unknown> = {
    ...(options.ordenId !== undefined && { orden_id: options.ordenId }),
    ...(options.productoId !== undefined && { producto_id: options.productoId }),
    ...(options.cantidad !== undefined && { cantidad: numberField('--cantidad', options.cantidad) }),
    ...(options.nombre !== undefined && { nombre: options.nombre }),
    ...(options.precio !== undefined && { precio: numberField('--precio', options.precio) }),
    ...(options.estado !== undefined && { estado: booleanField(options.estado) }),
  };
  if (options.json !== undefined) {
    if (Object.keys(fields).length > 0) throw new UsageError('give the body either as --json or as field flags, not both');
    return options.json;
  }
  if (Object.keys(fields).length === 0) throw new UsageError("give a body: --json '{...}', or fields such as --producto-id PRO001 --cantidad 2");
  return JSON.stringify(fields);
}

function numberField(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new UsageError(`${flag} must be a number (got ${JSON.stringify(text)})`);
  return value;
}

function booleanField(text: string): boolean {
  if (text !== 'true' && text !== 'false') throw new UsageError(`--estado is true or false (got ${JSON.stringify(text)})`);
  return text === 'true';
}
