import type { CommandPayload, CommandType } from '../command';
import { parseCommandBody, type FieldIssue } from './parse-command-body';

/** Why raw bytes are not a command: not JSON text (`JSON_INVALIDO`) or a broken rule (`VALIDACION`). */
export type DecodeFailureCode = 'JSON_INVALIDO' | 'VALIDACION';

/** Raw bytes read as a command, or why they are not one. */
export type DecodedCommand =
  | { ok: true; ordenId?: string; payload: CommandPayload }
  | { ok: false; codigo: DecodeFailureCode; mensaje: string; detalles?: FieldIssue[] };

// Fatal: bytes that are not UTF-8 are refused, never replaced. A leading byte-order mark is dropped,
// as every JSON reader that accepts one does.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The one reading of a command's raw bytes, used by everything that turns bytes into a command (the
 * gateway on a request, each consumer on a message, `inv` on a dead letter), so that what the gateway
 * accepts is exactly what its consumer applies: UTF-8 (a leading BOM dropped), JSON, then the contract's
 * rules for the command type (`parseCommandBody`).
 *
 * @example
 * ```ts
 * const decoded = decodeCommand('OrdenVenta', Buffer.from('{"orden_id":"v-1","producto_id":"PRO001","cantidad":2}'));
 * if (decoded.ok) decoded.payload; // { type: 'OrdenVenta', lines: [{ productoId: 'PRO001', cantidad: 2 }] }
 * decodeCommand('OrdenVenta', Buffer.alloc(0)); // { ok: false, codigo: 'JSON_INVALIDO', mensaje: 'El cuerpo está vacío; ...' }
 * ```
 */
export function decodeCommand(type: CommandType, raw: Uint8Array): DecodedCommand {
  // A step of a reservation is named by its path; its body may be left out altogether.
  const json = raw.length === 0 && BODY_OPTIONAL.has(type) ? { ok: true as const, value: {} } : decodeJson(raw);
  if (!json.ok) return json;
  const parsed = parseCommandBody(type, json.value);
  if (!parsed.ok) {
    return { ok: false, codigo: 'VALIDACION', mensaje: 'La petición no cumple las reglas del contrato', detalles: parsed.detalles };
  }
  return parsed.ordenId === undefined ? { ok: true, payload: parsed.payload } : { ok: true, ordenId: parsed.ordenId, payload: parsed.payload };
}

/** The commands whose body says nothing the path does not. */
const BODY_OPTIONAL: ReadonlySet<CommandType> = new Set(['ConfirmarReserva', 'LiberarReserva']);

type DecodedJson = { ok: true; value: unknown } | { ok: false; codigo: 'JSON_INVALIDO'; mensaje: string };

function decodeJson(raw: Uint8Array): DecodedJson {
  if (raw.length === 0) return { ok: false, codigo: 'JSON_INVALIDO', mensaje: 'El cuerpo está vacío; se espera un objeto JSON' };
  try {
    return { ok: true, value: JSON.parse(utf8.decode(raw)) };
  } catch {
    // Not UTF-8, not JSON, or nested deeper than the parser's stack: the same answer for each.
    return { ok: false, codigo: 'JSON_INVALIDO', mensaje: 'El cuerpo no es JSON válido' };
  }
}
