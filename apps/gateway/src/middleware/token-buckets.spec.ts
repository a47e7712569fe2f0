import { TokenBuckets } from './token-buckets';

describe('a token bucket per client', () => {
  it('lets a full minute of requests through at once, then refuses the next one', () => {
    const buckets = new TokenBuckets(3);
    expect([1, 2, 3].map(() => buckets.take('a', 0).ok)).toEqual([true, true, true]);
    expect(buckets.take('a', 0)).toEqual({ ok: false, retryAfterSeconds: 20 });
  });

  it('refills evenly: perMinute tokens a minute', () => {
    const buckets = new TokenBuckets(60);
    for (let i = 0; i < 60; i += 1) buckets.take('a', 0);
    expect(buckets.take('a', 500).ok).toBe(false);
    expect(buckets.take('a', 1_000).ok).toBe(true);
    expect(buckets.take('a', 1_000).ok).toBe(false);
    expect(buckets.take('a', 1_000)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('counts each client on its own', () => {
    const buckets = new TokenBuckets(1);
    expect(buckets.take('203.0.113.1', 0).ok).toBe(true);
    expect(buckets.take('203.0.113.1', 0).ok).toBe(false);
    expect(buckets.take('203.0.113.2', 0).ok).toBe(true);
  });

  it('never holds more than perMinute tokens, however long a client was away', () => {
    const buckets = new TokenBuckets(2);
    buckets.take('a', 0);
    const later = 3_600_000;
    expect([1, 2, 3].map(() => buckets.take('a', later).ok)).toEqual([true, true, false]);
  });

  it('takes no tokens away when the clock goes back', () => {
    const buckets = new TokenBuckets(2);
    buckets.take('a', 60_000);
    expect(buckets.take('a', 0).ok).toBe(true);
    expect(buckets.take('a', 0).ok).toBe(false);
  });

  it('keeps at most maxClients buckets, forgetting the least recently used one first', () => {
    const buckets = new TokenBuckets(1, 3);
    for (const client of ['a', 'b', 'c']) buckets.take(client, 0);
    buckets.take('a', 0); // refused, and now the most recently used
    buckets.take('d', 0);
    expect(buckets.size).toBe(3);
    // 'b' was forgotten (a fresh, full bucket); 'a' was kept, still empty.
    expect(buckets.take('b', 0).ok).toBe(true);
    expect(buckets.take('a', 0).ok).toBe(false);
  });

  it('stays at its bound under a flood of new clients, and remembers a client that keeps coming', () => {
    const buckets = new TokenBuckets(1, 1_000);
    buckets.take('steady', 0);
    for (let i = 0; i < 100_000; i += 1) {
      buckets.take(`flood-${i}`, 0);
      if (i % 500 === 0) expect(buckets.take('steady', 0).ok).toBe(false);
    }
    expect(buckets.size).toBe(1_000);
  });

  it.each([[0], [-1], [1.5]])('refuses a limit of %p per minute', (perMinute) => {
    expect(() => new TokenBuckets(perMinute)).toThrow(RangeError);
  });

  it.each([[0], [-1], [1.5]])('refuses a bound of %p clients', (maxClients) => {
    expect(() => new TokenBuckets(1, maxClients)).toThrow(RangeError);
  });
});
