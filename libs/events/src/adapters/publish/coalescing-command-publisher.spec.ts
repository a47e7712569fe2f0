import { randomUUID } from 'node:crypto';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { DeleteQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { tapTopic } from '@inventario/local-stack';
import { commandEntry } from '../../contract/catalogue';
import type { CommandEnvelope } from '../../contract/envelope';
import { loadRuntimeConfig } from '../../runtime/runtime-config';
import { coalescingCommandPublisher } from './coalescing-command-publisher';
import { SnsCommandPublisher } from './sns-command-publisher';

// Against the SNS/SQS emulator: a topic of this spec with one raw-delivery queue, as a command topic has.
const config = loadRuntimeConfig(process.env);
const sqs = new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false });
const sns = new SNSClient({ region: config.region });
const entry = commandEntry('OrdenVenta');
let queueUrl: string;
let topicArn: string;

beforeAll(async () => {
  const name = `coalescing-spec-${Date.now()}`;
  topicArn = (await sns.send(new CreateTopicCommand({ Name: name }))).TopicArn ?? '';
  queueUrl = await tapTopic({ sqs, sns }, topicArn, name);
});

afterAll(async () => {
  await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
  sqs.destroy();
  sns.destroy();
});

function envelope(ordenId: string): CommandEnvelope {
  return {
    id: randomUUID(),
    tipo: 'OrdenVenta',
    ocurrido: new Date().toISOString(),
    correlation_id: randomUUID(),
    orden_id: ordenId,
    cuerpo: Buffer.from(JSON.stringify({ orden_id: ordenId, producto_id: 'PRO001', cantidad: 1 })).toString('base64'),
    firma: '',
    ruta: '/orden-venta',
  };
}

/** The messages on the queue by their envelope's orden_id (with their type attribute), received until one receive finds none more. */
async function receiveAll(expected: number): Promise<{ byOrdenId: Map<string, string | undefined>; messages: number }> {
  const byOrdenId = new Map<string, string | undefined>();
  let messages = 0;
  for (let round = 0; round < 20; round++) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }),
    );
    if (Messages.length === 0 && byOrdenId.size >= expected) break;
    messages += Messages.length;
    for (const message of Messages) {
      const body = JSON.parse(message.Body ?? '{}') as CommandEnvelope;
      byOrdenId.set(body.orden_id, message.MessageAttributes?.tipo?.StringValue);
    }
  }
  return { byOrdenId, messages };
}

describe('the coalescing command publisher', () => {
  it('publishes 25 envelopes sent at once in PublishBatch calls, each once, each answered with a message id of its own', async () => {
    const publisher = coalescingCommandPublisher(new SnsCommandPublisher({ client: sns, topicArns: { [entry.topic]: topicArn } }));
    const ordenIds = Array.from({ length: 25 }, (_, i) => `coalesced-${i}-${randomUUID()}`);

    const answers = await Promise.all(ordenIds.map((ordenId) => publisher.publish(entry, envelope(ordenId))));

    const received = await receiveAll(ordenIds.length);
    expect([...received.byOrdenId.keys()].sort()).toEqual([...ordenIds].sort());
    expect(received.messages).toBe(25);
    expect([...received.byOrdenId.values()].every((tipo) => tipo === 'OrdenVenta')).toBe(true);
    const messageIds = answers.map((answer) => answer.messageId);
    expect(messageIds.every((id) => id.length > 0)).toBe(true);
    expect(new Set(messageIds).size).toBe(25);
  });

  it('fails every envelope of a topic it has no ARN for, and still publishes those of the others', async () => {
    const publisher = coalescingCommandPublisher(new SnsCommandPublisher({ client: sns, topicArns: { [entry.topic]: topicArn } }));
    const purchase = commandEntry('OrdenCompra');

    const [sold, bought] = await Promise.allSettled([publisher.publish(entry, envelope(`ok-${randomUUID()}`)), publisher.publish(purchase, envelope(`no-${randomUUID()}`))]);

    expect(sold.status).toBe('fulfilled');
    expect(bought).toMatchObject({ status: 'rejected', reason: { name: 'RuntimeConfigError' } });
    expect((await receiveAll(1)).messages).toBe(1);
  });
});
