import { LOCAL_DEFAULT_KEY } from '@inventario/signature';
import { assertSignatureConfigSafe, UnsafeSignatureConfigError } from './signature-startup-check';

describe('starting with a signature configuration', () => {
  it.each([['dev'], ['local']])('lets stage %s start with the local default key', (stage) => {
    expect(() => assertSignatureConfigSafe({ stage, signatureSecret: undefined })).not.toThrow();
    expect(() => assertSignatureConfigSafe({ stage, signatureSecret: LOCAL_DEFAULT_KEY })).not.toThrow();
  });

  it('refuses a deployed stage without SIGNATURE_SECRET, with a clear message', () => {
    expect(() => assertSignatureConfigSafe({ stage: 'prod', signatureSecret: undefined })).toThrow(UnsafeSignatureConfigError);
    expect(() => assertSignatureConfigSafe({ stage: 'prod', signatureSecret: ' , ' })).toThrow(/SIGNATURE_SECRET/);
  });

  it("refuses a deployed stage whose SIGNATURE_SECRET holds the old system's key, without printing it", () => {
    for (const secret of [LOCAL_DEFAULT_KEY, `real-key, ${LOCAL_DEFAULT_KEY}`]) {
      let message = '';
      try {
        assertSignatureConfigSafe({ stage: 'staging', signatureSecret: secret });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/local default key/);
      expect(message).not.toContain(LOCAL_DEFAULT_KEY);
    }
  });

  it('lets a deployed stage with a real secret start', () => {
    expect(() => assertSignatureConfigSafe({ stage: 'prod', signatureSecret: 'a-real-key,another' })).not.toThrow();
  });
});
