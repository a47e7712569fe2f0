import { format, inspect } from 'node:util';
import { KeyRing, LOCAL_DEFAULT_KEY, signLegacy, verifySignature } from './index';

const body = Buffer.from('{"orden_id":"A1","producto_id":"PRO001","cantidad":1}');

function verifiesWith(ring: KeyRing, key: string): boolean {
  return verifySignature({ keyRing: ring, header: signLegacy(key, body), body }).ok;
}

describe('KeyRing', () => {
  it.each([
    ['unset', undefined],
    ['empty', ''],
    ['only whitespace', '   '],
    ['only commas and spaces', ' , ,, '],
  ])('uses the local default key when SIGNATURE_SECRET is %s, and says so', (_, secret) => {
    const ring = KeyRing.fromSecret(secret);
    expect(ring.usesLocalDefault).toBe(true);
    expect(ring.size).toBe(1);
    expect(verifiesWith(ring, LOCAL_DEFAULT_KEY)).toBe(true);
  });

  it('reads one key', () => {
    const ring = KeyRing.fromSecret('k1');
    expect(ring.usesLocalDefault).toBe(false);
    expect(ring.size).toBe(1);
    expect(verifiesWith(ring, 'k1')).toBe(true);
    expect(verifiesWith(ring, LOCAL_DEFAULT_KEY)).toBe(false);
  });

  it('reads several comma-separated keys, each trimmed, empty ones dropped', () => {
    const ring = KeyRing.fromSecret(' k1 ,, k2,k3 ,');
    expect(ring.size).toBe(3);
    expect(verifiesWith(ring, 'k1')).toBe(true);
    expect(verifiesWith(ring, 'k2')).toBe(true);
    expect(verifiesWith(ring, 'k3')).toBe(true);
    expect(verifiesWith(ring, ' k1 ')).toBe(false);
  });

  it('counts a repeated key once', () => {
    expect(KeyRing.fromSecret('k1,k1, k1').size).toBe(1);
  });

  describe('never shows a key', () => {
    const secret = 'very-secret-key-1,very-secret-key-2';
    const ring = KeyRing.fromSecret(secret);
    const leaks = (text: string): boolean => text.includes('very-secret') || text.includes('secret-key');

    it('in String() or a template', () => {
      expect(String(ring)).toBe('KeyRing(2 keys)');
      expect(`${ring}`).toBe('KeyRing(2 keys)');
      expect(String(KeyRing.fromSecret(undefined))).toBe('KeyRing(1 key, local default)');
    });

    it('in JSON.stringify, alone or nested', () => {
      expect(JSON.stringify(ring)).toBe('{"size":2,"usesLocalDefault":false}');
      expect(leaks(JSON.stringify({ config: { ring } }))).toBe(false);
    });

    it('in util.inspect, console.log formatting or util.format', () => {
      expect(inspect(ring)).toBe('KeyRing(2 keys)');
      expect(leaks(inspect({ ring }, { showHidden: true, depth: Infinity }))).toBe(false);
      expect(leaks(format('%o %O %s %j', ring, ring, ring, ring))).toBe(false);
    });

    it('in its own properties', () => {
      expect(Object.getOwnPropertyNames(ring).sort()).toEqual(['size', 'usesLocalDefault']);
      expect({ ...ring }).toEqual({ size: 2, usesLocalDefault: false });
      expect(Object.getOwnPropertySymbols(ring)).toEqual([]);
    });
  });
});
