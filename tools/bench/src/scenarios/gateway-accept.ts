import { randomUUID } from 'node:crypto';
import { CreateTopicCommand, DeleteTopicCommand, PublishCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { MESSAGE_ATTRIBUTES, type CommandEnvelope } from '@inventario/events';
import { signTimestamped } from '@inventario/signature';
import type { BenchSystem } from '../harness/bench-system';
import { orderId, productId } from '../harness/ids';
import { percentiles, perSecond } from '../harness/latency';
import type { OutcomeListener } from '../harness/outcome-listener';
import { runPool } from '../harness/run-pool';
import { signedPost } from '../harness/signed-post';
import { figure, type Figure } from '../report/figure';

/** Size of the accept run. */
export interface AcceptRunOptions {
  requests: number;
  concurrency: number;
}

/**
 * (2) How fast the gateway accepts: signed sale POSTs answered 202 per second at a fixed concurrency,
 * against raw SNS Publishes of an envelope of the same size to a topic with one raw-delivery queue
 * subscribed, as a command topic has. The sales name a product that does not exist, so the consumer's
 * share of the machine stays small; the run waits for their outcomes before the next scenario.
 */
export async function gatewayAccept(system: BenchSystem, listener: OutcomeListener, key: string, options: AcceptRunOptions): Promise<Figure> {
  const missing = productId(15, 0);
  const bodies = Array.from({ length: options.requests }, (_, i) => ({ orden_id: orderId('bench-acepta', i), producto_id: missing, cantidad: 1 }));
  const latencies: number[] = [];
  const startedAt = Date.now();
  await runPool(bodies, options.concurrency, async (body) => {
    const sentAt = Date.now();
    const answer = await signedPost(system.url, '/orden-venta', body, key);
    if (answer.status !== 202) throw new Error(`accept answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    latencies.push(answer.answeredAt - sentAt);
  });
  const acceptedPerSecond = perSecond(bodies.length, Date.now() - startedAt);
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
      ours: 'HTTP request, signature check, schema, 1 DynamoDB PutItem (the PENDIENTE record) and 1 SNS Publish side by side',
      baseline: '1 SNS Publish of an envelope of the same size',
    },
    details: { p50_ms: ours.p50, p95_ms: ours.p95, p99_ms: ours.p99, baseline_p50_ms: raw.latency.p50, baseline_p99_ms: raw.latency.p99 },
  });
}

async function rawPublishes(system: BenchSystem, bodies: readonly object[], key: string, concurrency: number) {
  const { sns, sqs } = system.clients;
  const name = `bench-raw-${Date.now()}`;
  const topicArn = (await sns.send(new CreateTopicCommand({ Name: name }))).TopicArn ?? '';
  const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl ?? '';
  const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))).Attributes?.QueueArn;
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: { RawMessageDelivery: 'true' } }));
  const latencies: number[] = [];
  const startedAt = Date.now();
  await runPool(bodies, concurrency, async (body, i) => {
    const raw = JSON.stringify(body);
    const envelope: CommandEnvelope = {
      id: randomUUID(),
      tipo: 'OrdenVenta',
      ocurrido: new Date().toISOString(),
      correlation_id: randomUUID(),
      orden_id: orderId('raw-publica', i),
      cuerpo: Buffer.from(raw).toString('base64'),
      firma: signTimestamped(key, raw),
    };
    const sentAt = Date.now();
    await sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: JSON.stringify(envelope),
        MessageAttributes: {
          [MESSAGE_ATTRIBUTES.type]: { DataType: 'String', StringValue: envelope.tipo },
          [MESSAGE_ATTRIBUTES.correlationId]: { DataType: 'String', StringValue: envelope.correlation_id },
        },
      }),
    );
    latencies.push(Date.now() - sentAt);
  });
  const result = { perSecond: perSecond(bodies.length, Date.now() - startedAt), latency: percentiles(latencies) };
  await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
  await sns.send(new DeleteTopicCommand({ TopicArn: topicArn }));
  return result;
}
