import { createHmac } from 'node:crypto';
import { LOCAL_DEFAULT_KEY, signLegacy, signTimestamped } from './index';

describe('signLegacy', () => {
  // RFC 4231, "Identifiers and Test Vectors for HMAC-SHA-224, -256, -384, and -512", HMAC-SHA-256 results.
  it('matches RFC 4231 test case 1 (key 0x0b x 20, "Hi There")', () => {
    expect(signLegacy('\x0b'.repeat(20), 'Hi There')).toBe(
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    );
  });

  it('matches RFC 4231 test case 2 (key "Jefe")', () => {
    expect(signLegacy('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('matches RFC 4231 test case 4, whose data (0xcd x 50) is not UTF-8', () => {
    const key = String.fromCharCode(...Array.from({ length: 25 }, (_, i) => i + 1)); // 0x01..0x19
    expect(signLegacy(key, Buffer.alloc(50, 0xcd))).toBe(
      '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
    );
  });

  it('signs a string body as its UTF-8 bytes', () => {
    const body = '{"nombre":"Cañón ☃"}';
    expect(signLegacy('k', body)).toBe(signLegacy('k', Buffer.from(body, 'utf8')));
  });

  it('gives what the old clients send for the local default key', () => {
    // printf '%s' '{"a":1}' | openssl dgst -sha256 -hmac 'Mercado Libre'
    expect(signLegacy(LOCAL_DEFAULT_KEY, '{"a":1}')).toBe(
      '87f3491ddf491538751f90cf9f1622dc9c34a750bd2060defea77f070c7d8e5a',
    );
  });
});

describe('signTimestamped', () => {
  it('writes t=<unix seconds>,v1=<hex of HMAC-SHA256(key, "<t>." + body)>', () => {
    const t = 1700000000;
    const body = '{"a":1}';
    const independent = createHmac('sha256', LOCAL_DEFAULT_KEY).update(`${t}.${body}`).digest('hex');
    // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'Mercado Libre'
    const fromOpenssl = 'd518b1f36df3e6de6452d0f77f2f87ff0e6db020efa84230aa02cb74de55693d';
    expect(independent).toBe(fromOpenssl);
    expect(signTimestamped(LOCAL_DEFAULT_KEY, body, t)).toBe(`t=1700000000,v1=${fromOpenssl}`);
    expect(signTimestamped(LOCAL_DEFAULT_KEY, Buffer.from(body), t)).toBe(`t=1700000000,v1=${fromOpenssl}`);
  });

  it('signs the raw bytes of a non-UTF-8 body', () => {
    const body = Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]);
    const expected = createHmac('sha256', 'k')
      .update(Buffer.concat([Buffer.from('1700000000.'), body]))
      .digest('hex');
    expect(signTimestamped('k', body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('uses the current unix second by default', () => {
    const before = Math.floor(Date.now() / 1000);
    const header = signTimestamped('k', 'x');
    const after = Math.floor(Date.now() / 1000);
    const t = Number(/^t=(\d+),v1=[0-9a-f]{64}$/.exec(header)?.[1]);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(after);
  });

  it.each([1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'refuses %p as a timestamp, which no verifier would accept',
    (now) => {
      expect(() => signTimestamped('k', 'x', now)).toThrow(RangeError);
    },
  );
});
