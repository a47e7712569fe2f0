import { GetQueueAttributesCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createQueue, emulatorClients } from '../../../test/support/consumer-harness';
import { startLocalWorker, type LocalWorker } from './local-worker';

const clients = emulatorClients();
let worker: LocalWorker | undefined;

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});
afterAll(() => clients.destroy());

async function queueWith(count: number): Promise<string> {
  const queueUrl = await createQueue(clients.sqs, 'worker');
  for (let start = 0; start < count; start += 10) {
    const entries = Array.from({ length: Math.min(10, count - start) }, (_, i) => ({ Id: String(i), MessageBody: `m${start + i}` }));
    await clients.sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
  }
  return queueUrl;
}

/** Messages still on the queue, visible or received and not yet deleted. */
async function onQueue(queueUrl: string): Promise<number> {
  const { Attributes = {} } = await clients.sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
}

/** A handler that holds every batch until released, as a group being applied does. */
function heldHandler() {
  const held: { event: SQSEvent; release: (response: SQSBatchResponse) => void }[] = [];
  const handler = (event: SQSEvent) => new Promise<SQSBatchResponse>((release) => held.push({ event, release }));
  return { held, handler };
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the local worker', () => {
  it('reads ahead on a backlog: a poller whose batch came full receives again before that batch is settled, up to maxInFlight', async () => {
    const queueUrl = await queueWith(50);
    const { held, handler } = heldHandler();

    worker = startLocalWorker({ queueUrl, client: clients.sqs, handler, region: clients.config.region, concurrency: 1, waitTimeSeconds: 1, maxInFlight: 30 });

    // One poller, nothing settled yet: it holds three full batches (30 messages), and no more.
    await until(() => held.length === 3, 'three batches held by one poller');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(held).toHaveLength(3);
    expect(await onQueue(queueUrl)).toBe(50);

    for (const batch of held.splice(0)) batch.release({ batchItemFailures: [] });
    await until(async () => (await onQueue(queueUrl)) <= 20, 'the settled batches deleted');
    await until(() => held.length === 2, 'the last two batches');
    for (const batch of held.splice(0)) batch.release({ batchItemFailures: [] });
    await until(async () => (await onQueue(queueUrl)) === 0, 'every message deleted');
  });

  it('waits for a partial batch before polling again: no backlog, no reading ahead', async () => {
    const queueUrl = await queueWith(4);
    const { held, handler } = heldHandler();

    worker = startLocalWorker({ queueUrl, client: clients.sqs, handler, region: clients.config.region, concurrency: 1, waitTimeSeconds: 1 });
    await until(() => held.length === 1, 'the batch');
    await clients.sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [{ Id: '0', MessageBody: 'later' }] }));
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(held).toHaveLength(1);
    held[0]?.release({ batchItemFailures: [] });
    await until(() => held.length === 2, 'the message sent meanwhile, once the first batch is settled');
    expect(held[1]?.event.Records.map((record) => record.body)).toEqual(['later']);
    held[1]?.release({ batchItemFailures: [] });
    await until(async () => (await onQueue(queueUrl)) === 0, 'every message deleted');
  });

  it('deletes what the handler settled and leaves what it failed on the queue; stop() waits for batches read ahead', async () => {
    const queueUrl = await queueWith(20);
    const { held, handler } = heldHandler();

    const started = startLocalWorker({ queueUrl, client: clients.sqs, handler, region: clients.config.region, concurrency: 1, waitTimeSeconds: 1, retryDelaySeconds: () => 30 });
    await until(() => held.length === 2, 'two batches read ahead');
    const stopped = started.stop();
    const failing = held.map(({ event }) => event.Records[0]?.messageId ?? '');
    let done = false;
    void stopped.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(done).toBe(false);

    for (const [i, batch] of held.entries()) batch.release({ batchItemFailures: [{ itemIdentifier: failing[i] ?? '' }] });
    await stopped;

    // The two failed records stay (invisible for their 30 s backoff); the other 18 are gone.
    expect(await onQueue(queueUrl)).toBe(2);
  });
});
