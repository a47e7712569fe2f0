import { Logger } from '@aws-lambda-powertools/logger';
import { loadRuntimeConfig, UnsafeSignatureConfigError } from '@inventario/events';
import { createGatewayDeps } from './create-gateway-deps';

function silentLogger(): Logger {
  return new Logger({ serviceName: 'gateway-test', logLevel: 'SILENT' });
}

describe('building the real dependencies from the configuration', () => {
  it('warns once when the key in use is the local default', () => {
    const logger = silentLogger();
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const deps = createGatewayDeps(loadRuntimeConfig({ STAGE: 'dev' }), logger);
    expect(deps.keyRing.usesLocalDefault).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('does not warn with a real secret, and takes stage and legacy flag from the configuration', () => {
    const logger = silentLogger();
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const deps = createGatewayDeps(loadRuntimeConfig({ STAGE: 'prod', SIGNATURE_SECRET: 'k1,k2', SIGNATURE_LEGACY: 'false' }), logger);
    expect(warn).not.toHaveBeenCalled();
    expect(deps).toMatchObject({ stage: 'prod', allowLegacy: false });
    expect(deps.keyRing.size).toBe(2);
  });

  it('refuses a deployed stage without a secret', () => {
    expect(() => createGatewayDeps(loadRuntimeConfig({ STAGE: 'prod' }), silentLogger())).toThrow(UnsafeSignatureConfigError);
  });
});
