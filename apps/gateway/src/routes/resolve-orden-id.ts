import { isValidOrdenId } from '@inventario/inventory-core';
import { IDEMPOTENCY_KEY_HEADER } from '../constants';
import { validationError } from '../http-errors';

/**
 * The id that names a command: the body's `orden_id`, else the `Idempotency-Key` header (same rule:
 * 1 to 64 letters, digits or `-_.:`; 400 `VALIDACION` naming the header otherwise), else a new id.
 *
 * @example
 * resolveOrdenId(undefined, 'retry-7', randomUUID); // 'retry-7'
 */
export function resolveOrdenId(
  bodyOrdenId: string | undefined,
  idempotencyKey: string | undefined,
  newId: () => string,
): string {
  if (bodyOrdenId !== undefined) return bodyOrdenId;
  if (idempotencyKey === undefined) return newId();
  if (!isValidOrdenId(idempotencyKey)) {
    throw validationError([{ campo: IDEMPOTENCY_KEY_HEADER, mensaje: 'must be 1 to 64 letters, digits or -_.:' }]);
  }
  return idempotencyKey;
}
