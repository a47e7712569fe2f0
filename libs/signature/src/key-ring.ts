import { inspect } from 'node:util';
import { LOCAL_DEFAULT_KEY } from './constants';
import { hmacSha256 } from './hmac';

/** The keys of each ring, kept off the instance so no serialization or reflection can reach them. */
const keysByRing = new WeakMap<KeyRing, readonly string[]>();

/**
 * The signing keys, from `SIGNATURE_SECRET`: one key, or several separated by commas while keys rotate
 * (any key verifies). The keys never leave this module: `toString()`, `JSON.stringify` and
 * `util.inspect` show only how many there are.
 *
 * @example
 * ```ts
 * const ring = KeyRing.fromSecret('new-key, old-key'); // rotation: both verify
 * ring.size;             // 2
 * ring.usesLocalDefault; // false
 * String(ring);          // 'KeyRing(2 keys)'
 * ```
 */
export class KeyRing {
  /** True when no secret was given and the ring holds only {@link LOCAL_DEFAULT_KEY}; only fit for local use. */
  readonly usesLocalDefault: boolean;
  /** How many distinct keys the ring holds (at least 1). */
  readonly size: number;

  private constructor(keys: readonly string[], usesLocalDefault: boolean) {
    keysByRing.set(this, Object.freeze([...keys]));
    this.usesLocalDefault = usesLocalDefault;
    this.size = keys.length;
    Object.freeze(this);
  }

  /**
   * Builds the ring from `SIGNATURE_SECRET`: split on commas, each key trimmed, empty ones and repeats
   * dropped. Unset, empty, or nothing but commas and spaces means the local default key, with
   * `usesLocalDefault` true, so a deployed stage can refuse to start.
   *
   * @example
   * ```ts
   * KeyRing.fromSecret(process.env.SIGNATURE_SECRET);
   * KeyRing.fromSecret(undefined).usesLocalDefault; // true
   * KeyRing.fromSecret(' a, ,b ').size;              // 2
   * ```
   */
  static fromSecret(secret: string | undefined): KeyRing {
    const keys = [...new Set((secret ?? '').split(',').map((key) => key.trim()).filter((key) => key !== ''))];
    return keys.length === 0 ? new KeyRing([LOCAL_DEFAULT_KEY], true) : new KeyRing(keys, false);
  }

  /** `KeyRing(2 keys)`, plus `, local default` when so; never a key. */
  toString(): string {
    return `KeyRing(${this.size} ${this.size === 1 ? 'key' : 'keys'}${this.usesLocalDefault ? ', local default' : ''})`;
  }

  /** What `JSON.stringify` shows: the count and the local-default flag, never a key. */
  toJSON(): { size: number; usesLocalDefault: boolean } {
    return { size: this.size, usesLocalDefault: this.usesLocalDefault };
  }

  /** What `util.inspect` and `console.log` show: the same as `toString()`. */
  [inspect.custom](): string {
    return this.toString();
  }
}

/**
 * HMAC-SHA256 of the concatenated chunks under every key of the ring, in ring order. Internal: not exported
 * from the package, so callers get digests, never keys.
 */
export function hmacWithEachKey(ring: KeyRing, chunks: readonly (Buffer | string)[]): Buffer[] {
  const keys = keysByRing.get(ring) ?? [];
  return keys.map((key) => hmacSha256(key, chunks));
}
