import { loadObservabilityConfig } from './config';
import { ObservabilityConfigError } from './errors';

const LAMBDA = { AWS_LAMBDA_FUNCTION_NAME: 'inventario-gateway' };

describe('the observability settings', () => {
  it('off Lambda: readable logs, no metric lines, no tracing', () => {
    expect(loadObservabilityConfig('gateway', {})).toEqual({
      serviceName: 'gateway',
      onLambda: false,
      logFormat: 'readable',
      metricsEnabled: false,
      tracingEnabled: false,
    });
  });

  it('on Lambda: JSON logs, EMF metrics and X-Ray tracing', () => {
    expect(loadObservabilityConfig('orden-compra', LAMBDA)).toEqual({
      serviceName: 'orden-compra',
      onLambda: true,
      logFormat: 'json',
      metricsEnabled: true,
      tracingEnabled: true,
    });
  });

  it('takes LOG_FORMAT either way, in any case', () => {
    expect(loadObservabilityConfig('gateway', { LOG_FORMAT: 'JSON' }).logFormat).toBe('json');
    expect(loadObservabilityConfig('gateway', { ...LAMBDA, LOG_FORMAT: 'readable' }).logFormat).toBe('readable');
  });

  it('writes EMF lines locally only when POWERTOOLS_METRICS_DISABLED=false, and stops them on Lambda when true', () => {
    expect(loadObservabilityConfig('gateway', { POWERTOOLS_METRICS_DISABLED: 'false' }).metricsEnabled).toBe(true);
    expect(loadObservabilityConfig('gateway', { ...LAMBDA, POWERTOOLS_METRICS_DISABLED: 'true' }).metricsEnabled).toBe(false);
  });

  it('never traces off Lambda, and lets POWERTOOLS_TRACE_ENABLED=false turn tracing off on Lambda', () => {
    expect(loadObservabilityConfig('gateway', { POWERTOOLS_TRACE_ENABLED: 'true' }).tracingEnabled).toBe(false);
    expect(loadObservabilityConfig('gateway', { ...LAMBDA, POWERTOOLS_TRACE_ENABLED: 'false' }).tracingEnabled).toBe(false);
  });

  it.each([
    ['LOG_FORMAT', { LOG_FORMAT: 'xml' }],
    ['POWERTOOLS_METRICS_DISABLED', { POWERTOOLS_METRICS_DISABLED: 'maybe' }],
    ['POWERTOOLS_TRACE_ENABLED', { ...LAMBDA, POWERTOOLS_TRACE_ENABLED: 'sometimes' }],
  ])('refuses a %s it cannot read, naming the variable', (name, env) => {
    expect(() => loadObservabilityConfig('gateway', env)).toThrow(ObservabilityConfigError);
    expect(() => loadObservabilityConfig('gateway', env)).toThrow(name);
  });
});
