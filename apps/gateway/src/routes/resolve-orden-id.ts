import { createHash } from 'node:crypto';
import { isValidOrdenId } from '@inventario/inventory-core';
import { IDEMPOTENCY_KEY_HEADER } from '../constants';
import { validationError } from '../http-errors';

/** What a request's signature says that can name its command. */
export interface SignedContent {
  /** `t` of a verified timestamped (`v2` or `v1`) signature; absent for the legacy form. */
  signedAt: number | undefined;
  /** The raw body bytes the signature covers. */
  body: Buffer;
}

/**
 * The id that names a command: the body's `orden_id`, else the `Idempotency-Key` header (same rule:
 * 1 to 64 letters, digits or `-_.:`; 400 `VALIDACION` naming the header otherwise), else, for a
 * timestamped signature, an id made from what it signed (see {@link signedOrdenId}), else a new id (the
 * legacy form, as the old system did).
 *
 * @example
 * resolveOrdenId(undefined, 'retry-7', { signedAt: undefined, body }, randomUUID); // 'retry-7'
 */
export function resolveOrdenId(
  bodyOrdenId: string | undefined,
  idempotencyKey: string | undefined,
  signed: SignedContent,
  newId: () => string,
): string {
  if (bodyOrdenId !== undefined) return bodyOrdenId;
  if (idempotencyKey !== undefined) {
    if (!isValidOrdenId(idempotencyKey)) {
      throw validationError([{ campo: IDEMPOTENCY_KEY_HEADER, mensaje: 'must be 1 to 64 letters, digits or -_.:' }]);
    }
    return idempotencyKey;
  }
  return signed.signedAt === undefined ? newId() : signedOrdenId(signed.signedAt, signed.body);
}

/**
 * `firma-<t>-<first 32 hex of SHA-256("<t>." + body)>`: the same timestamp and body give the same id, so
 * re-posting a signed request (a replay within its 300 s, or a client's retry) is a retry of one command,
 * never a second one. It is made from what the MAC covers, not from the MAC, so adding or dropping a `v1`
 * of another key cannot make a new id. Two commands with equal bodies in the same second need an
 * `orden_id` or an `Idempotency-Key` to be two.
 */
export function signedOrdenId(signedAt: number, body: Buffer): string {
  const digest = createHash('sha256').update(`${signedAt}.`).update(body).digest('hex');
  return `firma-${signedAt}-${digest.slice(0, 32)}`;
}
