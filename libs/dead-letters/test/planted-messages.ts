import { randomUUID } from 'node:crypto';
import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { loadRuntimeConfig, MESSAGE_ATTRIBUTES, type CommandEnvelope } from '@inventario/events';
import { signTimestamped } from '@inventario/signature';

export const config = loadRuntimeConfig(process.env);
export const sqs = new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false });

/** The key the specs' messages are signed with. */
export const KEY = 'dead-letters-test-key';

/** A sale as the gateway publishes it, signed with `key`, accepted `ageSeconds` ago. */
export function saleMessage(options: { key?: string; ageSeconds?: number } = {}): { envelope: CommandEnvelope; body: string } {
  const acceptedAt = new Date(Date.now() - (options.ageSeconds ?? 0) * 1000);
  const raw = JSON.stringify({ orden_id: `dl-${randomUUID().slice(0, 8)}`, producto_id: 'PRO001', cantidad: 1 });
  const envelope: CommandEnvelope = {
    id: randomUUID(),
    tipo: 'OrdenVenta',
    ocurrido: acceptedAt.toISOString(),
    correlation_id: randomUUID(),
    orden_id: (JSON.parse(raw) as { orden_id: string }).orden_id,
    cuerpo: Buffer.from(raw).toString('base64'),
    firma: signTimestamped(options.key ?? KEY, raw, Math.floor(acceptedAt.getTime() / 1000)),
  };
  return { envelope, body: JSON.stringify(envelope) };
}

/** A queue of the spec's own, so specs never see each other's messages. */
export async function freshQueue(name: string): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-${randomUUID().slice(0, 8)}` }));
  if (!QueueUrl) throw new Error(`no URL for ${name}`);
  return QueueUrl;
}

/** Sends a message straight to a queue, as SNS raw delivery would have. */
export async function plant(queueUrl: string, body: string): Promise<void> {
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: queueUrl,
      MessageBody: body,
      MessageAttributes: { [MESSAGE_ATTRIBUTES.type]: { DataType: 'String', StringValue: 'OrdenVenta' } },
    }),
  );
}
