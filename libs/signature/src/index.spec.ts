import * as signature from './index';

describe('the package', () => {
  it('exports only its public API', () => {
    expect(Object.keys(signature).sort()).toEqual([
      'DEFAULT_TOLERANCE_SECONDS',
      'KeyRing',
      'LOCAL_DEFAULT_KEY',
      'SIGNATURE_HEADER',
      'signLegacy',
      'signRequest',
      'signTimestamped',
      'verifySignature',
    ]);
  });

  it("names the header, the default window and the old system's key as the contract does", () => {
    expect(signature.SIGNATURE_HEADER).toBe('x-signature');
    expect(signature.DEFAULT_TOLERANCE_SECONDS).toBe(300);
    expect(signature.LOCAL_DEFAULT_KEY).toBe('Mercado Libre');
  });
});
