import { CreateTopicCommand, DeleteTopicCommand } from '@aws-sdk/client-sns';
import { DeleteQueueCommand } from '@aws-sdk/client-sqs';
import { commandEntry, SnsCommandPublisher } from '@inventario/events';
import type { BenchSystem } from '../harness/bench-system';
import { orderId, productId } from '../harness/ids';
import { percentiles, perSecond } from '../harness/latency';
import { signedEnvelope, signedPost, tapTopic, type OutcomeListener } from '@inventario/local-stack';
import { runPool } from '../harness/run-pool';
import { figure, type Figure } from '../report/figure';

/** The consumer of `/orden-venta`, stopped while the gateway is measured. */
const SALES_CONSUMER = commandEntry('OrdenVenta').queue;

/** Size of the accept run. */
export interface AcceptRunOptions {
  requests: number;
  concurrency: number;
}

/**
 * (2) How fast the gateway accepts: signed sale POSTs answered 202 per second at a fixed concurrency,
 * against raw SNS Publishes of an envelope of the same size to a topic with one raw-delivery queue
 * subscribed, as a command topic has; in both runs nobody reads the queue meanwhile. The sales name a product that does not exist, so the consumer's
 * share of the machine stays small; the run waits for their outcomes before the next scenario.
 */
export async function gatewayAccept(system: BenchSystem, listener: OutcomeListener, key: string, options: AcceptRunOptions): Promise<Figure> {
  const missing = productId(15, 0);
  const bodies = Array.from({ length: options.requests }, (_, i) => ({ orden_id: orderId('bench-acepta', i), producto_id: missing, cantidad: 1 }));
  const latencies: number[] = [];
  // The baseline's queue has no reader; neither has the sales queue while the gateway is measured, so
  // both figures are the publishing side alone. Its consumer drains the queue once it is back.
  await system.kill(SALES_CONSUMER, 'SIGTERM');
  const startedAt = Date.now();
  await runPool(bodies, options.concurrency, async (body) => {
    const sentAt = Date.now();
    const answer = await signedPost(system.url, '/orden-venta', body, { key });
    if (answer.status !== 202) throw new Error(`accept answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    latencies.push(answer.answeredAt - sentAt);
  });
  const acceptedPerSecond = perSecond(bodies.length, Date.now() - startedAt);
  await system.restart(SALES_CONSUMER);
  await Promise.all(bodies.map((body) => listener.finalOutcome('OrdenVenta', body.orden_id, 120_000)));

  const raw = await rawPublishes(system, bodies, key, options.concurrency);
  const ours = percentiles(latencies);
  return figure({
    name: `(2) gateway accept, ${options.requests} signed POSTs, ${options.concurrency} in flight`,
    unit: 'accepted/s',
    ours: acceptedPerSecond,
    baseline: raw.perSecond,
    baselineName: 'SNS Publish straight to the emulator',
    work: {
      ours: 'HTTP request, signature check, schema; its PENDIENTE record in 1 TransactWriteItems and its envelope in 1 SNS PublishBatch (up to 10), both shared with the requests accepted at the same time, side by side; the queue unread meanwhile',
      baseline: '1 SNS Publish of an envelope of the same size; the queue unread meanwhile',
    },
    details: { p50_ms: ours.p50, p95_ms: ours.p95, p99_ms: ours.p99, baseline_p50_ms: raw.latency.p50, baseline_p99_ms: raw.latency.p99 },
  });
}

async function rawPublishes(system: BenchSystem, bodies: readonly Record<string, unknown>[], key: string, concurrency: number) {
  const { sns, sqs } = system.clients;
  const name = `bench-raw-${Date.now()}`;
  const topicArn = (await sns.send(new CreateTopicCommand({ Name: name }))).TopicArn ?? '';
  const queueUrl = await tapTopic(system.clients, topicArn, name);
  // The gateway's own publisher, on a topic of the baseline's: the same message and attributes as a command's.
  const entry = commandEntry('OrdenVenta');
  const publisher = new SnsCommandPublisher({ client: sns, topicArns: { [entry.topic]: topicArn } });
  const latencies: number[] = [];
  const startedAt = Date.now();
  await runPool(bodies, concurrency, async (body, i) => {
    const envelope = signedEnvelope('OrdenVenta', body, key, { ordenId: orderId('raw-publica', i) });
    const sentAt = Date.now();
    await publisher.publish(entry, envelope);
    latencies.push(Date.now() - sentAt);
  });
  const result = { perSecond: perSecond(bodies.length, Date.now() - startedAt), latency: percentiles(latencies) };
  await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
  await sns.send(new DeleteTopicCommand({ TopicArn: topicArn }));
  return result;
}
