import { verifySignature, type KeyRing, type VerifyResult } from '@inventario/signature';
import type { CommandEntry } from './catalogue';
import type { CommandEnvelope } from './envelope';
import { isSignedRouteOf } from './signed-route';

/**
 * Checks again the client's signature a command message carries, as its consumer and the replay tool
 * both do: integrity only (freshness is not checked: a message may be replayed days later), over the raw
 * body and, for a `v2`, over the route the envelope says the request was posted to, which must be the
 * entry's own. A `v2` body posted to one route cannot pass on another route's queue.
 *
 * @example
 * const checked = verifyEnvelopeSignature(commandEntry(envelope.tipo), envelope, keyRing);
 * if (!checked.ok) quarantine(record, 'FIRMA_INVALIDA', checked.reason);
 */
export function verifyEnvelopeSignature(entry: CommandEntry, envelope: CommandEnvelope, keyRing: KeyRing): VerifyResult {
  const boundTo = envelope.ruta !== undefined && isSignedRouteOf(entry, envelope.ruta) ? { request: { method: 'POST', path: envelope.ruta } } : {};
  return verifySignature({ keyRing, header: envelope.firma, body: Buffer.from(envelope.cuerpo, 'base64'), checkFreshness: false, ...boundTo });
}
