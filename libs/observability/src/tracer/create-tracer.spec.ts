import type { Tracer } from '@aws-lambda-powertools/tracer';

describe('createTracer', () => {
  // Loading the package installs X-Ray's async hook for the whole process (see create-tracer.ts), so
  // off Lambda it must not even be required: a stand-in that refuses to load tells.
  it('does not load the X-Ray tracer when tracing is off, and loads it when tracing is on', () => {
    jest.isolateModules(() => {
      jest.doMock('@aws-lambda-powertools/tracer', () => {
        throw new Error('the tracer package was loaded');
      });
      const { createTracer } = require('./create-tracer') as typeof import('./create-tracer');
      const tracer = createTracer({ serviceName: 'gateway', tracingEnabled: false });
      expect(tracer.isTracingEnabled()).toBe(false);
      expect(() => createTracer({ serviceName: 'gateway', tracingEnabled: true })).toThrow('the tracer package was loaded');
    });
    jest.dontMock('@aws-lambda-powertools/tracer');
  });

  it('with tracing on, is Powertools Tracer', () => {
    jest.isolateModules(() => {
      const { createTracer } = require('./create-tracer') as typeof import('./create-tracer');
      const { Tracer: Fresh } = require('@aws-lambda-powertools/tracer') as { Tracer: typeof Tracer };
      expect(createTracer({ serviceName: 'gateway', tracingEnabled: true })).toBeInstanceOf(Fresh);
    });
  });
});
