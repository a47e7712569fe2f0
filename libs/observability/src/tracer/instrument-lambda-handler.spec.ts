import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { createTracer } from './create-tracer';
import { instrumentLambdaHandler } from './instrument-lambda-handler';

const context = { awsRequestId: 'req-1', functionName: 'inventario-gateway', memoryLimitInMB: '512' } as Context;

/** The JSON lines a logger writes while `act` runs. */
async function jsonLinesOf(act: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await act();
  } finally {
    spy.mockRestore();
  }
  return written.flatMap((chunk) => chunk.split('\n')).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
}

describe('a Lambda handler, instrumented, off Lambda (tracing off)', () => {
  const tracer = createTracer({ serviceName: 'gateway', tracingEnabled: false });

  it('returns what the handler returns', async () => {
    const handler = instrumentLambdaHandler({ logger: new Logger({ logLevel: 'SILENT' }), tracer, name: 'gateway' }, async (event: number) => event * 2);
    await expect(handler(21, context)).resolves.toBe(42);
  });

  it('throws what the handler throws', async () => {
    const handler = instrumentLambdaHandler({ logger: new Logger({ logLevel: 'SILENT' }), tracer, name: 'gateway' }, async () => {
      throw new Error('boom');
    });
    await expect(handler(undefined, context)).rejects.toThrow('boom');
  });

  it("puts the invocation's request id and function name on every log line", async () => {
    const logger = new Logger({ serviceName: 'gateway' });
    const handler = instrumentLambdaHandler({ logger, tracer, name: 'gateway' }, async () => logger.info('inside'));
    const [line] = await jsonLinesOf(() => handler(undefined, context));
    expect(line).toMatchObject({ message: 'inside', function_request_id: 'req-1', function_name: 'inventario-gateway' });
  });
});
