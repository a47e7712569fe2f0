import { HttpError } from '../http-errors';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses raw body bytes as JSON (UTF-8): 400 `JSON_INVALIDO` for an empty body, bytes that are not
 * UTF-8, or text that is not JSON.
 *
 * @example
 * parseJsonBody(Buffer.from('{"producto_id":"PRO001"}')); // { producto_id: 'PRO001' }
 */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) throw invalidJson('El cuerpo está vacío; se espera un objeto JSON');
  try {
    return JSON.parse(utf8.decode(raw));
  } catch {
    throw invalidJson('El cuerpo no es JSON válido');
  }
}

function invalidJson(message: string): HttpError {
  return new HttpError(400, 'JSON_INVALIDO', message);
}
