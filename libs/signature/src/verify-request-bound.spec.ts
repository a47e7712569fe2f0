import crypto = require('node:crypto');
import { KeyRing, LOCAL_DEFAULT_KEY, signRequest, signTimestamped, verifySignature, type VerifyOptions, type VerifyResult } from './index';

const NOW = 1_700_000_000;
const KEY = 'k-current';
const ring = KeyRing.fromSecret(KEY);
const body = Buffer.from('{"orden_id":"A1","producto_id":"PRO001","cantidad":2}');
const sale = { method: 'POST', path: '/orden-venta' };

function verify(header: string | undefined, options: Partial<VerifyOptions> = {}): VerifyResult {
  return verifySignature({ keyRing: ring, header, body, nowSeconds: NOW, request: sale, ...options });
}

describe('verifySignature: the request-bound form (v2)', () => {
  it('matches the openssl vector: HMAC-SHA256(key, "<t>.<METHOD>.<path>." + body)', () => {
    // printf '%s' '1700000000.POST./orden-venta.{"a":1}' | openssl dgst -sha256 -hmac 'Mercado Libre'
    const expected = 't=1700000000,v2=7b790b735fa8db05624060e6d09b9defb2c387081a8fddc0bed3e17aa4e0b1c2';
    expect(signRequest(LOCAL_DEFAULT_KEY, sale, '{"a":1}', 1_700_000_000)).toBe(expected);
  });

  it('passes for the request it was made for, saying so', () => {
    expect(verify(signRequest(KEY, sale, body, NOW))).toEqual({ ok: true, form: 'request-bound', timestamp: NOW });
  });

  it.each([
    ['another route', { method: 'POST', path: '/actualizar-producto' }],
    ['the same route under another prefix', { method: 'POST', path: '/dev/orden-venta' }],
    ['another method', { method: 'PUT', path: '/orden-venta' }],
  ])('refuses the same signature on %s', (_, request) => {
    expect(verify(signRequest(KEY, sale, body, NOW), { request })).toMatchObject({ ok: false, codigo: 'FIRMA_INVALIDA' });
  });

  it('reads the method in any case, as HTTP does', () => {
    expect(verify(signRequest(KEY, { method: 'post', path: '/orden-venta' }, body, NOW))).toMatchObject({ ok: true });
  });

  it('refuses another body under the same signature', () => {
    const header = signRequest(KEY, sale, body, NOW);
    expect(verify(header, { body: Buffer.from('{"orden_id":"A1","producto_id":"PRO001","cantidad":3}') })).toMatchObject({
      ok: false,
      codigo: 'FIRMA_INVALIDA',
    });
  });

  it('cannot verify without the request it is bound to', () => {
    const header = signRequest(KEY, sale, body, NOW);
    expect(verifySignature({ keyRing: ring, header, body, nowSeconds: NOW })).toMatchObject({ ok: false, codigo: 'FIRMA_INVALIDA' });
  });

  it('judges a header with a v2 by its v2 alone, so a valid v1 beside a wrong v2 does not pass', () => {
    const v1 = signTimestamped(KEY, body, NOW).split(',')[1];
    const wrongV2 = signRequest(KEY, { method: 'POST', path: '/eliminar-productos' }, body, NOW).split(',')[1];
    expect(verify(`t=${NOW},${wrongV2},${v1}`)).toMatchObject({ ok: false, codigo: 'FIRMA_INVALIDA' });
  });

  it('passes when any of several v2 matches (rotation) and with any key of the ring', () => {
    const rotating = KeyRing.fromSecret('new-key,old-key');
    const old = signRequest('old-key', sale, body, NOW).split(',')[1];
    const other = signRequest('unknown', sale, body, NOW).split(',')[1];
    expect(verify(`t=${NOW},${other},${old}`, { keyRing: rotating })).toMatchObject({ ok: true, form: 'request-bound' });
  });

  it('expires like v1 outside the tolerance, both ways, and only when it matches', () => {
    expect(verify(signRequest(KEY, sale, body, NOW - 301))).toMatchObject({ ok: false, codigo: 'FIRMA_EXPIRADA' });
    expect(verify(signRequest(KEY, sale, body, NOW + 301))).toMatchObject({ ok: false, codigo: 'FIRMA_EXPIRADA' });
    expect(verify(signRequest(KEY, sale, body, NOW - 300))).toMatchObject({ ok: true });
    expect(verify(signRequest('wrong', sale, body, NOW - 301))).toMatchObject({ ok: false, codigo: 'FIRMA_INVALIDA' });
  });

  it('checks integrity only when freshness is off, as a consumer replaying a message does', () => {
    expect(verify(signRequest(KEY, sale, body, NOW - 86_400 * 10), { checkFreshness: false })).toMatchObject({ ok: true });
  });
});

describe('verifySignature: SIGNATURE_V1=false (allowV1: false)', () => {
  it('refuses v1 with FIRMA_INVALIDA and a reason that names v2', () => {
    const result = verify(signTimestamped(KEY, body, NOW), { allowV1: false });
    expect(result).toEqual({ ok: false, codigo: 'FIRMA_INVALIDA', reason: expect.stringContaining('v2') });
  });

  it('still accepts v2', () => {
    expect(verify(signRequest(KEY, sale, body, NOW), { allowV1: false })).toMatchObject({ ok: true, form: 'request-bound' });
  });

  it('leaves the legacy form to allowLegacy', () => {
    const legacy = crypto.createHmac('sha256', KEY).update(body).digest('hex');
    expect(verify(legacy, { allowV1: false })).toMatchObject({ ok: true, form: 'legacy' });
    expect(verify(legacy, { allowV1: false, allowLegacy: false })).toMatchObject({ ok: false, codigo: 'FIRMA_INVALIDA' });
  });
});

describe('signRequest', () => {
  it('refuses a timestamp that is not whole unix seconds', () => {
    expect(() => signRequest(KEY, sale, body, 1.5)).toThrow(RangeError);
    expect(() => signRequest(KEY, sale, body, -1)).toThrow(RangeError);
  });
});
