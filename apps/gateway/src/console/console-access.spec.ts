import { LOCAL_CONSOLE_TOKEN, resolveConsoleAccess } from './console-access';

describe('console access', () => {
  it('is on with CONSOLA_TOKEN, on any stage', () => {
    expect(resolveConsoleAccess({ stage: 'prod', token: ' s3cret ', usesLocalDefaultKey: false })).toEqual({
      enabled: true,
      token: 's3cret',
      usesLocalToken: false,
    });
  });

  it('is on by default only on a local stage that signs with the local default key, with the local token', () => {
    expect(resolveConsoleAccess({ stage: 'dev', token: undefined, usesLocalDefaultKey: true })).toEqual({
      enabled: true,
      token: LOCAL_CONSOLE_TOKEN,
      usesLocalToken: true,
    });
    expect(resolveConsoleAccess({ stage: 'local', token: '', usesLocalDefaultKey: true }).enabled).toBe(true);
  });

  it.each([
    ['a local stage with a real signing key', { stage: 'dev', token: undefined, usesLocalDefaultKey: false }],
    ['a deployed stage without CONSOLA_TOKEN', { stage: 'prod', token: undefined, usesLocalDefaultKey: false }],
    ['a deployed stage with the local token', { stage: 'prod', token: LOCAL_CONSOLE_TOKEN, usesLocalDefaultKey: false }],
  ])('is off on %s', (_name, input) => {
    expect(resolveConsoleAccess(input).enabled).toBe(false);
  });
});
