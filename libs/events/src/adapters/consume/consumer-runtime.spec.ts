import { LOCAL_DEFAULT_KEY } from '@inventario/signature';
import { loadRuntimeConfig } from '../../runtime/runtime-config';
import { UnsafeSignatureConfigError } from '../../runtime/signature-startup-check';
import { createConsumerRuntime } from './consumer-runtime';

const resources = JSON.stringify({
  topics: { InventarioEventos: 'arn:aws:sns:us-east-1:000000000000:InventarioEventos' },
  queues: { 'orden-compra': 'http://127.0.0.1:1/q', 'orden-compra-dlq': 'http://127.0.0.1:1/dlq' },
});

describe('starting a consumer', () => {
  it('refuses a deployed stage without a real signing key, like the gateway', () => {
    for (const secret of [undefined, LOCAL_DEFAULT_KEY]) {
      const env = { STAGE: 'production', INVENTARIO_RESOURCES: resources, ...(secret && { SIGNATURE_SECRET: secret }) };
      expect(() => createConsumerRuntime('orden-compra', loadRuntimeConfig(env))).toThrow(UnsafeSignatureConfigError);
    }
  });

  it('starts locally with the default key, and on a deployed stage with a real one', () => {
    expect(createConsumerRuntime('orden-compra', loadRuntimeConfig({ STAGE: 'dev', INVENTARIO_RESOURCES: resources })).queueUrl).toBe(
      'http://127.0.0.1:1/q',
    );
    const deployed = loadRuntimeConfig({ STAGE: 'production', SIGNATURE_SECRET: 'a-real-key', INVENTARIO_RESOURCES: resources });
    expect(createConsumerRuntime('orden-compra', deployed).deps.entry.app).toBe('orden-compra');
  });
});
