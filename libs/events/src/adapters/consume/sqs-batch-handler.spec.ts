import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { createSqsBatchHandler } from './sqs-batch-handler';

function event(...ids: string[]): SQSEvent {
  return { Records: ids.map((id) => ({ messageId: id, body: id }) as SQSRecord) };
}

describe('the SQS batch handler', () => {
  it('reports each failed record in its own batch when batches run at the same time', async () => {
    let releaseSlow: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    const handler = createSqsBatchHandler(async (record) => {
      if (record.messageId === 'a-fails') throw new Error('transient');
      if (record.messageId === 'a-slow') await slow;
    });
    const first = handler(event('a-fails', 'a-slow'));
    // A second batch starts and ends while the first is still running, as with two pollers.
    const second = await handler(event('b-ok'));
    releaseSlow();
    expect(second.batchItemFailures).toEqual([]);
    expect((await first).batchItemFailures).toEqual([{ itemIdentifier: 'a-fails' }]);
  });
});
