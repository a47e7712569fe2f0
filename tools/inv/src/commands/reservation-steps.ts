import { commandEntry } from '@inventario/events';
import type { CommandContext } from './context';
import { send } from './send';

/** How the shortcuts wait: `--wait` and `--timeout`, as `send` takes them. */
export interface WaitOptions {
  wait?: boolean;
  timeout: number;
}

/** Only the waiting, never the shortcut's `--json` (an output switch there, the body in `send`). */
function waitingOf(options: WaitOptions): WaitOptions {
  return { timeout: options.timeout, ...(options.wait !== undefined && { wait: options.wait }) };
}

/** The optional flags the shortcut was given, as `send` takes them. */
function given<K extends string>(options: Partial<Record<K, string>>, keys: readonly K[]): Partial<Record<K, string>> {
  return Object.fromEntries(keys.filter((key) => options[key] !== undefined).map((key) => [key, options[key]])) as Partial<Record<K, string>>;
}

/** `reserve <producto_id> <cantidad>`: `send /reservas` with one line. */
export function reserve(
  context: CommandContext,
  productoId: string,
  cantidad: string,
  options: WaitOptions & { ubicacionId?: string; expiraEnS?: string; ordenId?: string },
): Promise<number> {
  return send(context, commandEntry('CrearReserva').route, { ...waitingOf(options), ...given(options, ['ubicacionId', 'expiraEnS', 'ordenId']), productoId, cantidad });
}

/** `confirm <orden_id>`: `send /reservas/{orden_id}/confirmar`, signed v2 with an empty body. */
export function confirm(context: CommandContext, ordenId: string, options: WaitOptions): Promise<number> {
  return send(context, commandEntry('ConfirmarReserva').route, { ...waitingOf(options), ordenId });
}

/** `release <orden_id>`: `send /reservas/{orden_id}/liberar`, signed v2 with an empty body. */
export function release(context: CommandContext, ordenId: string, options: WaitOptions): Promise<number> {
  return send(context, commandEntry('LiberarReserva').route, { ...waitingOf(options), ordenId });
}

/** `transfer <producto_id> <cantidad> --desde X --hacia Y`: `send /transferir-stock`. */
export function transfer(
  context: CommandContext,
  productoId: string,
  cantidad: string,
  options: WaitOptions & { desde: string; hacia: string; ordenId?: string },
): Promise<number> {
  return send(context, commandEntry('TransferirStock').route, {
    ...waitingOf(options),
    ...given(options, ['ordenId']),
    productoId,
    cantidad,
    desde: options.desde,
    hacia: options.hacia,
  });
}
