import type { Logger as LoggerType } from '@aws-lambda-powertools/logger';
import type { AppTracer } from './create-tracer';
import type { Context } from 'aws-lambda';

// X-Ray only traces inside Lambda: this file gives the process what the Lambda runtime would (the
// segments go to a UDP port nobody listens on), then loads the tracer fresh.
const LAMBDA_ENV: Record<string, string> = {
  AWS_LAMBDA_FUNCTION_NAME: 'inventario-gateway',
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  LAMBDA_TASK_ROOT: '/var/task',
  _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
  AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:9',
};
const saved = Object.fromEntries(Object.keys(LAMBDA_ENV).map((name) => [name, process.env[name]]));
let tracer: AppTracer;
let logger: LoggerType;
let instrument: typeof import('./instrument-lambda-handler').instrumentLambdaHandler;

beforeAll(() => {
  Object.assign(process.env, LAMBDA_ENV);
  jest.isolateModules(() => {
    const { createTracer } = require('./create-tracer') as typeof import('./create-tracer');
    const { Logger } = require('@aws-lambda-powertools/logger') as typeof import('@aws-lambda-powertools/logger');
    ({ instrumentLambdaHandler: instrument } = require('./instrument-lambda-handler') as typeof import('./instrument-lambda-handler'));
    tracer = createTracer({ serviceName: 'gateway', tracingEnabled: true });
    logger = new Logger({ logLevel: 'SILENT' });
  });
});

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const context = { awsRequestId: 'req-1', functionName: 'inventario-gateway' } as Context;

interface SubsegmentView {
  name: string;
  annotations?: Record<string, unknown>;
  end_time?: number;
  fault?: boolean;
}

describe('a Lambda handler, instrumented, on Lambda (tracing on)', () => {
  it('runs in a "## <name>" subsegment annotated with the cold start, the service and the correlation id, closed at the end', async () => {
    expect(tracer.isTracingEnabled()).toBe(true);
    let inside: SubsegmentView | undefined;
    const handler = instrument(
      { logger, tracer, name: 'gateway', annotate: (result: { headers: Record<string, string> }) => ({ correlation_id: result.headers['x-correlation-id'] }) },
      async () => {
        inside = tracer.getSegment() as unknown as SubsegmentView;
        return { headers: { 'x-correlation-id': 'corr-xray' } };
      },
    );
    await handler({}, context);
    expect(inside?.name).toBe('## gateway');
    expect(inside?.annotations).toMatchObject({ ColdStart: expect.any(Boolean), Service: 'gateway', correlation_id: 'corr-xray' });
    expect(inside?.end_time).toEqual(expect.any(Number));
    expect((tracer.getSegment() as unknown as SubsegmentView).name).toBe('facade');
  });

  it('marks the subsegment with the error and throws it on', async () => {
    let inside: SubsegmentView | undefined;
    const handler = instrument({ logger, tracer, name: 'orden-compra' }, async () => {
      inside = tracer.getSegment() as unknown as SubsegmentView;
      throw new Error('DynamoDB unreachable');
    });
    await expect(handler({}, context)).rejects.toThrow('DynamoDB unreachable');
    expect(inside?.fault).toBe(true);
    expect(inside?.end_time).toEqual(expect.any(Number));
  });
});
