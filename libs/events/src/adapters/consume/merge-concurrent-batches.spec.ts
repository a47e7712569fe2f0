import { randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { mergeConcurrentBatches, type GroupHandler } from './merge-concurrent-batches';

function records(count: number): SQSRecord[] {
  return Array.from({ length: count }, () => ({ messageId: randomUUID() }) as SQSRecord);
}

/** A handler that records each batch it is given and fails the records `fails` picks, once released. */
function gatedHandler(fails: (record: SQSRecord) => boolean = () => false) {
  const calls: SQSRecord[][] = [];
  const gates: (() => void)[] = [];
  const handler: GroupHandler = async (event: SQSEvent) => {
    calls.push(event.Records);
    await new Promise<void>((resolve) => gates.push(resolve));
    return { batchItemFailures: event.Records.filter(fails).map((record) => ({ itemIdentifier: record.messageId })) };
  };
  const releaseNext = async (): Promise<void> => {
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()?.();
  };
  return { handler, calls, releaseNext };
}

describe('mergeConcurrentBatches', () => {
  it('hands the batches that arrive while one is being handled to the handler together, as the next group', async () => {
    const [a, b, c] = [records(10), records(10), records(5)];
    const { handler, calls, releaseNext } = gatedHandler();
    const merged = mergeConcurrentBatches(handler, { maxRecords: 100 });

    const answers = [merged({ Records: a }), merged({ Records: b }), merged({ Records: c })];
    await releaseNext();
    await releaseNext();
    await Promise.all(answers);

    expect(calls).toEqual([a, [...b, ...c]]);
  });

  it('waits lingerMs before a group that is not full, so batches arriving meanwhile join it', async () => {
    const [a, b] = [records(10), records(10)];
    const calls: number[] = [];
    const merged = mergeConcurrentBatches(
      async (event) => {
        calls.push(event.Records.length);
        return { batchItemFailures: [] };
      },
      { maxRecords: 100, lingerMs: 50 },
    );

    const first = merged({ Records: a });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all([first, merged({ Records: b })]);

    expect(calls).toEqual([20]);
  });

  it('gives each caller the failures of its own records only', async () => {
    const [a, b] = [records(3), records(3)];
    const failing = new Set([a[1]!.messageId, b[2]!.messageId]);
    const { handler, releaseNext } = gatedHandler((record) => failing.has(record.messageId));
    const merged = mergeConcurrentBatches(handler, { maxRecords: 100 });

    const first = merged({ Records: records(1) });
    const answers = [merged({ Records: a }), merged({ Records: b })];
    await releaseNext();
    await first;
    await releaseNext();

    expect(await Promise.all(answers)).toEqual([
      { batchItemFailures: [{ itemIdentifier: a[1]!.messageId }] },
      { batchItemFailures: [{ itemIdentifier: b[2]!.messageId }] },
    ]);
  });

  it('never puts more than maxRecords in a group, nor splits a batch', async () => {
    const batches = [records(1), records(10), records(10), records(10)];
    const { handler, calls, releaseNext } = gatedHandler();
    const merged = mergeConcurrentBatches(handler, { maxRecords: 25 });

    const answers = batches.map((batch) => merged({ Records: batch }));
    for (let i = 0; i < 3; i++) await releaseNext();
    await Promise.all(answers);

    expect(calls.map((call) => call.length)).toEqual([1, 20, 10]);
  });

  it('starts the next group once the handler says so, while the last one is still running', async () => {
    const [a, b] = [records(10), records(10)];
    const events: string[] = [];
    let finishFirst: () => void = () => undefined;
    const merged = mergeConcurrentBatches(
      async (event, nextMayStart) => {
        const name = event.Records[0] === a[0] ? 'a' : 'b';
        events.push(`${name} applied`);
        nextMayStart();
        if (name === 'a') await new Promise<void>((resolve) => (finishFirst = resolve));
        events.push(`${name} done`);
        return { batchItemFailures: [] };
      },
      { maxRecords: 100 },
    );

    const first = merged({ Records: a });
    const second = merged({ Records: b });
    await second;
    finishFirst();
    await first;

    expect(events).toEqual(['a applied', 'b applied', 'b done', 'a done']);
  });

  it('holds the next group back until the handler says so or ends', async () => {
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const merged = mergeConcurrentBatches(
      async (event, nextMayStart) => {
        started.push(event.Records.length);
        await new Promise<void>((resolve) => gates.push(resolve));
        nextMayStart();
        nextMayStart();
        await new Promise<void>((resolve) => gates.push(resolve));
        return { batchItemFailures: [] };
      },
      { maxRecords: 100 },
    );

    const answers = [merged({ Records: records(1) }), merged({ Records: records(2) }), merged({ Records: records(3) })];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1]);
    gates.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
    // Told twice, it starts one group, not two.
    expect(started).toEqual([1, 5]);
    while (gates.length > 0) {
      gates.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(answers);
    expect(started).toEqual([1, 5]);
  });

  it('rejects every caller of a group whose handler threw, and goes on with the next group', async () => {
    let call = 0;
    const merged = mergeConcurrentBatches(
      async () => {
        call++;
        if (call === 1) throw new Error('store down');
        return { batchItemFailures: [] };
      },
      { maxRecords: 100 },
    );

    const failed = merged({ Records: records(2) });
    const later = merged({ Records: records(2) });

    await expect(failed).rejects.toThrow('store down');
    await expect(later).resolves.toEqual({ batchItemFailures: [] });
  });
});
