import { DEFAULT_RATE_LIMIT_PER_MINUTE, parseRateLimit } from './parse-rate-limit';

describe('RATE_LIMIT_PER_MINUTE', () => {
  it('defaults to 60000 per minute', () => {
    expect(DEFAULT_RATE_LIMIT_PER_MINUTE).toBe(60_000);
    expect(parseRateLimit(undefined)).toBe(60_000);
    expect(parseRateLimit(' ')).toBe(60_000);
  });

  it('reads a whole number, 0 turning the limit off', () => {
    expect(parseRateLimit('120')).toBe(120);
    expect(parseRateLimit('0')).toBe(0);
  });

  it.each([['-1'], ['1.5'], ['mucho']])('refuses %j, naming the variable', (raw) => {
    expect(() => parseRateLimit(raw)).toThrow(/RATE_LIMIT_PER_MINUTE/);
  });
});
