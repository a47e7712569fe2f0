import { Logger } from '@aws-lambda-powertools/logger';
import { createObservability } from './create-observability';
import { ReadableLogger } from './logger/readable-logger';
import { DISCARDED_METRICS } from './metrics/command-metrics';
import { EmfCommandMetrics } from './metrics/emf-command-metrics';

describe("an app's observability", () => {
  it('off Lambda: a readable logger, no metric lines, a tracer that does nothing', () => {
    const observability = createObservability('gateway', {});
    expect(observability.logger).toBeInstanceOf(ReadableLogger);
    expect(observability.metrics).toBe(DISCARDED_METRICS);
    expect(observability.tracer.isTracingEnabled()).toBe(false);
    const client = { send: () => undefined };
    expect(observability.tracer.captureAWSv3Client(client)).toBe(client);
  });

  it('with LOG_FORMAT=json and POWERTOOLS_METRICS_DISABLED=false: the JSON logger and EMF metrics, as on Lambda', () => {
    const observability = createObservability('gateway', { LOG_FORMAT: 'json', POWERTOOLS_METRICS_DISABLED: 'false' });
    expect(observability.logger).toBeInstanceOf(Logger);
    expect(observability.logger).not.toBeInstanceOf(ReadableLogger);
    expect(observability.metrics).toBeInstanceOf(EmfCommandMetrics);
  });
});
