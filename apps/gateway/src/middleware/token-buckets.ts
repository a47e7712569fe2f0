/** What a client's bucket says about one more request. */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Buckets kept before idle (full) ones are dropped, so a flood of addresses cannot grow memory forever. */
const SWEEP_ABOVE = 10_000;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * One token bucket per client: each holds up to `perMinute` tokens, starts full, refills evenly at
 * `perMinute` per minute, and each request takes one. A full minute's worth may come in a burst; after
 * that, requests pass at the refill rate. An empty bucket tells how long until its next token.
 *
 * @example
 * const buckets = new TokenBuckets(6000);
 * buckets.take('203.0.113.7', Date.now()); // { ok: true }
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMillisecond: number;

  constructor(private readonly perMinute: number) {
    if (!Number.isInteger(perMinute) || perMinute <= 0) throw new RangeError('perMinute must be a positive integer');
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
    let bucket = this.#buckets.get(client);
    if (!bucket) {
      if (this.#buckets.size >= SWEEP_ABOVE) this.#dropFullBuckets(nowMs);
      bucket = { tokens: this.perMinute, updatedAt: nowMs };
      this.#buckets.set(client, bucket);
      return bucket;
    }
    // A clock that goes back refills nothing rather than taking tokens away.
    const elapsed = Math.max(0, nowMs - bucket.updatedAt);
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + elapsed * this.#perMillisecond);
    bucket.updatedAt = Math.max(bucket.updatedAt, nowMs);
    return bucket;
  }

  /** A bucket that has refilled completely says nothing a new one would not: forget it. */
  #dropFullBuckets(nowMs: number): void {
    for (const [client, bucket] of this.#buckets) {
      const tokens = bucket.tokens + Math.max(0, nowMs - bucket.updatedAt) * this.#perMillisecond;
      if (tokens >= this.perMinute) this.#buckets.delete(client);
    }
  }
}
