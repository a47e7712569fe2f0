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

  it('forgets idle clients once there are many, so memory stays bounded', () => {
    const buckets = new TokenBuckets(10);
    for (let i = 0; i < 10_000; i += 1) buckets.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(buckets.size).toBe(10_000);
    buckets.take('another', 60_000);
    expect(buckets.size).toBe(1);
  });

  it.each([[0], [-1], [1.5]])('refuses a limit of %p per minute', (perMinute) => {
    expect(() => new TokenBuckets(perMinute)).toThrow(RangeError);
  });
});
