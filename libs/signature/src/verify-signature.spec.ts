import crypto = require('node:crypto');
import {
  DEFAULT_TOLERANCE_SECONDS,
  KeyRing,
  LOCAL_DEFAULT_KEY,
  signLegacy,
  signTimestamped,
  verifySignature,
  type VerifyOptions,
  type VerifyResult,
} from './index';

const NOW = 1_700_000_000;
const KEY = 'k-current';
const ring = KeyRing.fromSecret(KEY);
const body = Buffer.from('{"orden_id":"A1","producto_id":"PRO001","cantidad":2}');

function verify(header: string | undefined, options: Partial<VerifyOptions> = {}): VerifyResult {
  return verifySignature({ keyRing: ring, header, body, nowSeconds: NOW, ...options });
}

function hmacHex(key: string, data: Buffer | string): string {
  return crypto.createHmac('sha256', key).update(data).digest('hex');
}

function codigoOf(result: VerifyResult): string {
  return result.ok ? 'ok' : result.codigo;
}

const wrongHex = 'ab'.repeat(32);

describe('verifySignature: a missing signature', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['only whitespace', ' \t \r\n '],
  ])('answers FIRMA_AUSENTE when the header is %s', (_, header) => {
    expect(verify(header)).toEqual({ ok: false, codigo: 'FIRMA_AUSENTE', reason: expect.any(String) });
  });
});

describe('verifySignature: the timestamped form', () => {
  it('accepts t=<unix seconds>,v1=<hex> with hex = HMAC-SHA256(key, "<t>." + raw body bytes)', () => {
    const header = `t=${NOW},v1=${hmacHex(KEY, `${NOW}.${body.toString('latin1')}`)}`;
    expect(verify(header)).toEqual({ ok: true, form: 'timestamped', timestamp: NOW });
  });

  it('accepts the published vector computed with openssl for the local default key', () => {
    // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'Mercado Libre'
    const header = 't=1700000000,v1=d518b1f36df3e6de6452d0f77f2f87ff0e6db020efa84230aa02cb74de55693d';
    const result = verifySignature({
      keyRing: KeyRing.fromSecret(undefined),
      header,
      body: Buffer.from('{"a":1}'),
      nowSeconds: 1700000000,
    });
    expect(result).toEqual({ ok: true, form: 'timestamped', timestamp: 1700000000 });
  });

  it('accepts what signTimestamped writes', () => {
    expect(verify(signTimestamped(KEY, body, NOW))).toMatchObject({ ok: true, form: 'timestamped' });
  });

  it('accepts hex in upper case and whitespace around items', () => {
    const hex = hmacHex(KEY, Buffer.concat([Buffer.from(`${NOW}.`), body])).toUpperCase();
    expect(verify(`  t=${NOW} , v1 = ${hex}  `)).toMatchObject({ ok: true });
  });

  it('refuses a signature made with another key', () => {
    expect(codigoOf(verify(signTimestamped('another key', body, NOW)))).toBe('FIRMA_INVALIDA');
  });

  it('refuses a signature whose t was changed after signing', () => {
    const [, v1] = signTimestamped(KEY, body, NOW).split(',');
    expect(codigoOf(verify(`t=${NOW - 1},${v1}`))).toBe('FIRMA_INVALIDA');
  });

  it('signs t exactly as sent, so leading zeros are part of what was signed', () => {
    const t = `0${NOW}`;
    const header = `t=${t},v1=${hmacHex(KEY, Buffer.concat([Buffer.from(`${t}.`), body]))}`;
    expect(verify(header)).toEqual({ ok: true, form: 'timestamped', timestamp: NOW });
  });

  describe('several v1', () => {
    const good = signTimestamped(KEY, body, NOW).split(',')[1] ?? '';

    it('accepts when any v1 matches, wherever it is', () => {
      expect(verify(`t=${NOW},v1=${wrongHex},${good}`)).toMatchObject({ ok: true });
      expect(verify(`t=${NOW},${good},v1=${wrongHex}`)).toMatchObject({ ok: true });
      expect(verify(`t=${NOW},v1=short,${good},v1=`)).toMatchObject({ ok: true });
    });

    it('refuses when no v1 matches', () => {
      expect(codigoOf(verify(`t=${NOW},v1=${wrongHex},v1=${'cd'.repeat(32)}`))).toBe('FIRMA_INVALIDA');
    });

    it('ignores unknown keys such as v0', () => {
      expect(verify(`t=${NOW},v0=whatever,${good},scheme=next`)).toMatchObject({ ok: true });
    });
  });

  describe('the 300 s window', () => {
    const at = (t: number): string => signTimestamped(KEY, body, t);

    it('is 300 s by default', () => {
      expect(DEFAULT_TOLERANCE_SECONDS).toBe(300);
    });

    it.each([NOW - 300, NOW, NOW + 300])('accepts t within 300 s of now either way (t = %p)', (t) => {
      expect(verify(at(t))).toEqual({ ok: true, form: 'timestamped', timestamp: t });
    });

    it.each([NOW - 301, NOW + 301, 0])('refuses t more than 300 s from now with FIRMA_EXPIRADA (t = %p)', (t) => {
      expect(codigoOf(verify(at(t)))).toBe('FIRMA_EXPIRADA');
    });

    it('uses the clock when nowSeconds is not given', () => {
      const realNow = Math.floor(Date.now() / 1000);
      const options = { keyRing: ring, body };
      expect(verifySignature({ ...options, header: signTimestamped(KEY, body) })).toMatchObject({ ok: true });
      expect(codigoOf(verifySignature({ ...options, header: at(realNow - 1000) }))).toBe('FIRMA_EXPIRADA');
    });

    it('takes another tolerance', () => {
      expect(verify(at(NOW - 10), { toleranceSeconds: 10 })).toMatchObject({ ok: true });
      expect(codigoOf(verify(at(NOW - 11), { toleranceSeconds: 10 }))).toBe('FIRMA_EXPIRADA');
    });

    it('fails closed when the clock or tolerance is NaN', () => {
      expect(codigoOf(verify(at(NOW), { nowSeconds: Number.NaN }))).toBe('FIRMA_EXPIRADA');
      expect(codigoOf(verify(at(NOW), { toleranceSeconds: Number.NaN }))).toBe('FIRMA_EXPIRADA');
    });

    it('answers FIRMA_INVALIDA, not FIRMA_EXPIRADA, for a wrong signature outside the window', () => {
      expect(codigoOf(verify(signTimestamped('another key', body, NOW - 10_000)))).toBe('FIRMA_INVALIDA');
      expect(codigoOf(verify(`t=${NOW - 10_000},v1=${wrongHex}`))).toBe('FIRMA_INVALIDA');
    });

    it('with checkFreshness false, accepts an old timestamp (a message replayed days later)', () => {
      const tenDaysAgo = NOW - 10 * 24 * 3600;
      expect(verify(at(tenDaysAgo), { checkFreshness: false })).toEqual({
        ok: true,
        form: 'timestamped',
        timestamp: tenDaysAgo,
      });
      expect(verify(at(NOW + 10_000), { checkFreshness: false })).toMatchObject({ ok: true });
    });

    it('with checkFreshness false, still refuses a wrong signature', () => {
      const result = verify(signTimestamped('another key', body, NOW - 10_000), { checkFreshness: false });
      expect(codigoOf(result)).toBe('FIRMA_INVALIDA');
    });
  });

  describe('a malformed header is FIRMA_INVALIDA', () => {
    const hex = signTimestamped(KEY, body, NOW).split('v1=')[1] ?? '';
    it.each([
      ['t is not a number', `t=abc,v1=${hex}`],
      ['t is empty', `t=,v1=${hex}`],
      ['t has a fraction', `t=${NOW}.0,v1=${hex}`],
      ['t is negative', `t=-${NOW},v1=${hex}`],
      ['t has a sign', `t=+${NOW},v1=${hex}`],
      ['t is in exponent notation', `t=1.7e9,v1=${hex}`],
      ['t is NaN', `t=NaN,v1=${hex}`],
      ['t is Infinity', `t=Infinity,v1=${hex}`],
      ['t is hexadecimal', `t=0x6553f100,v1=${hex}`],
      ['t is huge', `t=${'9'.repeat(400)},v1=${hex}`],
      ['t is past the safe integers', `t=9007199254740993,v1=${hex}`],
      ['t uses non-ASCII digits', `t=١٧٠٠٠٠٠٠٠٠,v1=${hex}`],
      ['there is no t', `v1=${hex}`],
      ['t is given twice', `t=${NOW},t=${NOW},v1=${hex}`],
      ['there is no v1', `t=${NOW}`],
      ['there is only v0', `t=${NOW},v0=${hex}`],
      ['an item is not key=value', `t=${NOW},v1=${hex},oops`],
      ['an item is empty (trailing comma)', `t=${NOW},v1=${hex},`],
      ['an item has no key', `t=${NOW},=${hex}`],
      ['items are separated by ;', `t=${NOW};v1=${hex}`],
      ['the header is far too long', `t=${NOW},v1=${hex},${'v0=x,'.repeat(1000)}v0=x`],
      ['the legacy hex has a sha256= prefix', `sha256=${signLegacy(KEY, body)}`],
    ])('when %s', (_, header) => {
      const result = verify(header);
      expect(codigoOf(result)).toBe('FIRMA_INVALIDA');
    });
  });
});

describe('verifySignature: the legacy form', () => {
  it('accepts a legacy signature over the raw body bytes', () => {
    expect(verify(hmacHex(KEY, body))).toEqual({ ok: true, form: 'legacy' });
  });

  it('accepts exactly what the old clients send with the local default key', () => {
    // printf '%s' '{"a":1}' | openssl dgst -sha256 -hmac 'Mercado Libre'
    const header = '87f3491ddf491538751f90cf9f1622dc9c34a750bd2060defea77f070c7d8e5a';
    const result = verifySignature({ keyRing: KeyRing.fromSecret(undefined), header, body: Buffer.from('{"a":1}') });
    expect(result).toEqual({ ok: true, form: 'legacy' });
  });

  it('accepts upper-case hex and surrounding whitespace', () => {
    expect(verify(`  ${signLegacy(KEY, body).toUpperCase()}\t`)).toMatchObject({ ok: true, form: 'legacy' });
  });

  it('does not depend on the clock', () => {
    expect(verify(signLegacy(KEY, body), { nowSeconds: 0 })).toMatchObject({ ok: true });
  });

  it('refuses a signature made with another key', () => {
    expect(codigoOf(verify(signLegacy('another key', body)))).toBe('FIRMA_INVALIDA');
  });

  it.each([
    ['too short', signLegacy(KEY, body).slice(0, 63)],
    ['too long', `${signLegacy(KEY, body)}0`],
    ['doubled', signLegacy(KEY, body).repeat(2)],
    ['not hex', `${signLegacy(KEY, body).slice(0, 63)}g`],
    ['base64 of the right digest', Buffer.from(signLegacy(KEY, body), 'hex').toString('base64')],
    ['a single character', 'a'],
  ])('refuses a legacy signature that is %s', (_, header) => {
    expect(codigoOf(verify(header))).toBe('FIRMA_INVALIDA');
  });

  it('is refused with FIRMA_INVALIDA when legacy signatures are turned off', () => {
    const result = verify(signLegacy(KEY, body), { allowLegacy: false });
    expect(codigoOf(result)).toBe('FIRMA_INVALIDA');
    expect(verify(signTimestamped(KEY, body, NOW), { allowLegacy: false })).toMatchObject({ ok: true });
  });
});

describe('verifySignature: the raw bytes are what is signed', () => {
  const signed = Buffer.from('{"a":1,"b":[1,2]}');
  const reserialized = [
    '{"a": 1, "b": [1, 2]}',
    '{\n  "a": 1,\n  "b": [\n    1,\n    2\n  ]\n}',
    '{"a":1,"b":[1,2]}\n',
    '{"b":[1,2],"a":1}',
  ];

  it.each(reserialized)('refuses a body re-serialized differently: %j', (other) => {
    expect(codigoOf(verify(signLegacy(KEY, signed), { body: Buffer.from(other) }))).toBe('FIRMA_INVALIDA');
    expect(codigoOf(verify(signTimestamped(KEY, signed, NOW), { body: Buffer.from(other) }))).toBe(
      'FIRMA_INVALIDA',
    );
  });

  describe('a body that is not UTF-8', () => {
    const raw = Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]);

    it('accepts signatures over its exact bytes', () => {
      // python3: hmac.new(b'Mercado Libre', b'\xff\xfe\x00\xc3\x28', hashlib.sha256).hexdigest()
      const header = '0a54618127de37b5bcb04830344cba25f0e18059d72fd08bf2ace8d1bd5d3781';
      const localRing = KeyRing.fromSecret(undefined);
      expect(verifySignature({ keyRing: localRing, header, body: raw })).toEqual({ ok: true, form: 'legacy' });
      const timestamped = signTimestamped(LOCAL_DEFAULT_KEY, raw, NOW);
      expect(verifySignature({ keyRing: localRing, header: timestamped, body: raw, nowSeconds: NOW })).toMatchObject({
        ok: true,
      });
    });

    it('refuses the same body after a round trip through a UTF-8 string', () => {
      const decoded = Buffer.from(raw.toString('utf8'), 'utf8');
      expect(decoded.equals(raw)).toBe(false);
      expect(codigoOf(verify(signLegacy(KEY, raw), { body: decoded }))).toBe('FIRMA_INVALIDA');
    });
  });
});

describe('verifySignature: key rotation', () => {
  const rotating = KeyRing.fromSecret('k-new,k-old');
  const afterRotation = KeyRing.fromSecret('k-new');

  it.each(['k-new', 'k-old'])('accepts either key while both are in the ring (%s)', (key) => {
    expect(verify(signTimestamped(key, body, NOW), { keyRing: rotating })).toMatchObject({ ok: true });
    expect(verify(signLegacy(key, body), { keyRing: rotating })).toMatchObject({ ok: true });
  });

  it('refuses the old key once it is removed', () => {
    expect(codigoOf(verify(signTimestamped('k-old', body, NOW), { keyRing: afterRotation }))).toBe('FIRMA_INVALIDA');
    expect(codigoOf(verify(signLegacy('k-old', body), { keyRing: afterRotation }))).toBe('FIRMA_INVALIDA');
    expect(verify(signTimestamped('k-new', body, NOW), { keyRing: afterRotation })).toMatchObject({ ok: true });
  });

  it('accepts a client that sends one v1 per key during the rotation', () => {
    const vNew = signTimestamped('k-new', body, NOW).split(',')[1];
    const vOld = signTimestamped('k-old', body, NOW).split(',')[1];
    const header = `t=${NOW},${vOld},${vNew}`;
    expect(verify(header, { keyRing: rotating })).toMatchObject({ ok: true });
    expect(verify(header, { keyRing: afterRotation })).toMatchObject({ ok: true });
    expect(verify(header, { keyRing: KeyRing.fromSecret('k-old') })).toMatchObject({ ok: true });
  });
});

describe('verifySignature: constant-time comparison', () => {
  afterEach(() => jest.restoreAllMocks());

  it('still runs the constant-time compare for a legacy signature of the wrong length', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    const result = verify('abc123');
    expect(codigoOf(result)).toBe('FIRMA_INVALIDA');
    expect(spy).toHaveBeenCalledTimes(1);
    const [a, b] = spy.mock.calls[0] ?? [];
    expect((a as Buffer).length).toBe(32);
    expect((b as Buffer).length).toBe(32);
  });

  it('still runs the constant-time compare for a v1 that is not hex', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    expect(codigoOf(verify(`t=${NOW},v1=${'z'.repeat(64)}`))).toBe('FIRMA_INVALIDA');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('compares every key with every v1, without stopping at the first match', () => {
    const threeKeys = KeyRing.fromSecret('k1,k2,k3');
    const matching = signTimestamped('k1', body, NOW).split(',')[1];
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    expect(verify(`t=${NOW},${matching},v1=${wrongHex}`, { keyRing: threeKeys })).toMatchObject({ ok: true });
    expect(spy).toHaveBeenCalledTimes(3 * 2);
  });

  it('compares every key for a legacy signature, matching or not', () => {
    const threeKeys = KeyRing.fromSecret('k1,k2,k3');
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    expect(verify(signLegacy('k1', body), { keyRing: threeKeys })).toMatchObject({ ok: true });
    expect(verify(wrongHex, { keyRing: threeKeys })).toMatchObject({ ok: false });
    expect(spy).toHaveBeenCalledTimes(3 + 3);
  });
});

describe('verifySignature: what a refusal says', () => {
  it('never includes a key, the received signature or the expected one', () => {
    const secretRing = KeyRing.fromSecret('super-secret-key');
    const expectedLegacy = signLegacy('super-secret-key', body);
    const expectedTimestamped = signTimestamped('super-secret-key', body, NOW - 10_000);
    const headers = [
      wrongHex,
      `t=${NOW},v1=${wrongHex}`,
      expectedLegacy.slice(0, 63),
      expectedTimestamped, // right, but expired
      `t=${NOW},v1=${wrongHex},v1=oops`,
      `t=x,v1=${wrongHex}`,
    ];
    for (const header of headers) {
      const result = verify(header, { keyRing: secretRing });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.reason).not.toMatch(/super-secret-key|[0-9a-f]{16}/i);
      expect(result.reason).not.toContain(expectedLegacy);
      expect(result.reason.length).toBeLessThan(120);
    }
  });
});

describe('verifySignature: never throws', () => {
  /** mulberry32: a small seeded generator, so a failing case can be reproduced. */
  function randomSource(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let x = state;
      x = Math.imul(x ^ (x >>> 15), x | 1);
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }

  const random = randomSource(20240601);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const alphabet = [...'tv01=,; \t\r\n-+.eE9afAFxzé☃😀\u0000\u200b\ud800\udfff\u202e'];
  const valid = signTimestamped(KEY, body, NOW);
  const keys = ['t', 'v1', 'v0', 'T', '', ' t ', 'v1 ', 'sha256', 't\u0000'];
  const values = [
    `${NOW}`,
    '-1',
    '0',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '9'.repeat(20),
    '9'.repeat(5000),
    `${Number.MAX_SAFE_INTEGER}`,
    '0x10',
    '',
    wrongHex,
    wrongHex.slice(0, int(64)),
    '😀'.repeat(32),
    '\ud800'.repeat(64),
    '__proto__',
    'constructor',
  ];

  const generators: (() => string)[] = [
    () => Array.from({ length: int(120) }, () => pick(alphabet)).join(''),
    () => Array.from({ length: 1 + int(6) }, () => `${pick(keys)}=${pick(values)}`).join(pick([',', ', ', ';'])),
    () => {
      const chars = [...valid];
      const at = int(chars.length);
      const edit = int(3);
      if (edit === 0) chars.splice(at, 1);
      else if (edit === 1) chars.splice(at, 0, pick(alphabet));
      else chars[at] = pick(alphabet);
      return chars.join('');
    },
    () => String.fromCharCode(...Array.from({ length: int(200) }, () => int(0x10000))),
    () => pick(alphabet).repeat(int(20_000)),
    () => `t=${pick(values)},v1=${pick(values)}`,
  ];

  it('for a few thousand random headers, answering a result with a contract code', () => {
    const codes = new Set(['FIRMA_AUSENTE', 'FIRMA_INVALIDA', 'FIRMA_EXPIRADA']);
    const rings = [ring, KeyRing.fromSecret('a,b,c'), KeyRing.fromSecret(undefined)];
    for (let i = 0; i < 4000; i++) {
      const header = pick(generators)();
      const options: Partial<VerifyOptions> = {
        keyRing: pick(rings),
        allowLegacy: random() < 0.5,
        checkFreshness: random() < 0.8,
      };
      let result: VerifyResult | undefined;
      expect(() => {
        result = verify(header, options);
      }).not.toThrow();
      if (result === undefined) throw new Error(`no result for header #${i}`);
      if (result.ok) {
        // Only a mutation of the valid header (e.g. a hex digit's case, spaces) may still verify.
        expect(result.form).toBe('timestamped');
      } else {
        expect(codes.has(result.codigo)).toBe(true);
        expect(typeof result.reason).toBe('string');
      }
    }
  });

  it('for a header that is not a string at run time', () => {
    for (const header of [null, 42, ['a', 'b'], {}, Symbol('x')]) {
      const result = verify(header as unknown as string);
      expect(result.ok).toBe(false);
    }
  });
});
