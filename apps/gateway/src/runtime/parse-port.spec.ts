import { parsePort } from './parse-port';

describe('PORT', () => {
  it('defaults to 3000', () => {
    expect(parsePort(undefined)).toBe(3000);
    expect(parsePort('')).toBe(3000);
  });

  it('reads a port number', () => {
    expect(parsePort('8080')).toBe(8080);
  });

  it.each([['abc'], ['-1'], ['70000'], ['80.5']])('refuses %j', (raw) => {
    expect(() => parsePort(raw)).toThrow(/PORT/);
  });
});
