import { createHash } from 'node:crypto';
import { DEFAULT_LOCATION, type AnyPayload, type StoreCommand } from './command';

/**
 * A stable hash of what a command asks for. Two deliveries with the same id and fingerprint are the
 * same command (a retry); the same id with another fingerprint is a reused id, never applied.
 */
export function commandFingerprint(payload: AnyPayload | StoreCommand): string {
  // The id is not part of what a command asks for: the gateway hashes the payload and the consumer the
  // whole command, and both must get the same fingerprint.
  const { ordenId: _ordenId, ...asked } = payload as StoreCommand;
  return createHash('sha256').update(canonicalJson(asked)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      // The default location is left out, so a body without locations hashes as it did before they
      // existed: a command accepted by an older gateway is still the same command to a newer consumer.
      .filter(([k, v]) => v !== undefined && !(k === 'ubicacionId' && v === DEFAULT_LOCATION))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
