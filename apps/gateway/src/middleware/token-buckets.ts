/** What a client's bucket says about one more request. */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Buckets kept by default: enough for every client a single gateway process sees at once. */
export const DEFAULT_MAX_CLIENTS = 10_000;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * One token bucket per client: each holds up to `perMinute` tokens, starts full, refills evenly at
 * `perMinute` per minute, and each request takes one. A full minute's worth may come in a burst; after
 * that, requests pass at the refill rate. An empty bucket tells how long until its next token.
 *
 * At most `maxClients` buckets are kept, least recently used first out: a flood of new addresses costs
 * a constant amount of work per request and a bounded amount of memory. A client forgotten that way comes
 * back to a full bucket, which only a flood of more than `maxClients` other clients between two of its
 * requests can cause.
 *
 * @example
 * const buckets = new TokenBuckets(6000);
 * buckets.take('203.0.113.7', Date.now()); // { ok: true }
 */
export class TokenBuckets {
  // A Map iterates in insertion order; re-inserting a bucket on each use keeps the least recently used first.
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMillisecond: number;

  constructor(
    private readonly perMinute: number,
    private readonly maxClients: number = DEFAULT_MAX_CLIENTS,
  ) {
    if (!Number.isInteger(perMinute) || perMinute <= 0) throw new RangeError('perMinute must be a positive integer');
    if (!Number.isInteger(maxClients) || maxClients <= 0) throw new RangeError('maxClients must be a positive integer');
    this.#perMillisecond = perMinute / 60_000;
  }

  /** Takes a token from `client`'s bucket at time `nowMs` (milliseconds; any monotonic origin). */
  take(client: string, nowMs: number): TakeResult {
    const bucket = this.#refilled(client, nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMillisecond / 1000)) };
  }

  /** How many clients have a bucket now. */
  get size(): number {
    return this.#buckets.size;
  }

  #refilled(client: string, nowMs: number): Bucket {
    const bucket = this.#buckets.get(client);
    if (!bucket) return this.#added(client, { tokens: this.perMinute, updatedAt: nowMs });
    this.#buckets.delete(client);
    this.#buckets.set(client, bucket);
    // A clock that goes back refills nothing rather than taking tokens away.
    const elapsed = Math.max(0, nowMs - bucket.updatedAt);
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + elapsed * this.#perMillisecond);
    bucket.updatedAt = Math.max(bucket.updatedAt, nowMs);
    return bucket;
  }

  #added(client: string, bucket: Bucket): Bucket {
    this.#buckets.set(client, bucket);
    if (this.#buckets.size > this.maxClients) {
      const leastRecent = this.#buckets.keys().next();
      if (!leastRecent.done) this.#buckets.delete(leastRecent.value);
    }
    return bucket;
  }
}
