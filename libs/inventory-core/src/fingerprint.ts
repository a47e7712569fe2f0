import { createHash } from 'node:crypto';
import type { Command, CommandPayload } from './command';

/**
 * A stable hash of what a command asks for. Two deliveries with the same id and fingerprint are the
 * same command (a retry); the same id with another fingerprint is a reused id, never applied.
 */
export function commandFingerprint(payload: CommandPayload | Command): string {
  // The id is not part of what a command asks for: the gateway hashes the payload and the consumer the
  // whole command, and both must get the same fingerprint.
  const { ordenId: _ordenId, ...asked } = payload as Command;
  return createHash('sha256').update(canonicalJson(asked)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
