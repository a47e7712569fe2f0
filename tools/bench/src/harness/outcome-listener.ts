import { SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { OUTCOME_TOPIC, type OutcomeEvent } from '@inventario/events';
import type { LocalClients } from '@inventario/local-stack';

/** An outcome event and when this process received it (ms since the epoch). */
export interface ReceivedEvent {
  event: OutcomeEvent;
  receivedAt: number;
}

/** Collects `InventarioEventos` as another team would: a queue of its own, subscribed with raw delivery. */
export interface OutcomeListener {
  /** Every distinct event received (repeats, which "at least once" allows, dropped by event id). */
  readonly events: readonly ReceivedEvent[];
  /** Resolves with the final event (`StockActualizado` or `OrdenRechazada`) of a command, when it arrives. */
  finalOutcome(comando: string, ordenId: string, timeoutMs: number): Promise<ReceivedEvent>;
  stop(): Promise<void>;
}

/** Pollers on the listening queue: one would cap how fast outcomes can be observed. */
const POLLERS = 4;

/**
 * Subscribes a fresh queue to `InventarioEventos` and polls it until stopped. Outcome arrival is
 * measured here, not by polling each `estado_url`, so measuring adds no load on the system's reads.
 *
 * @example
 * ```ts
 * const listener = await listenToOutcomes(system.clients, system.resources.topics);
 * const { receivedAt } = await listener.finalOutcome('OrdenVenta', 'o-1', 60_000);
 * ```
 */
export async function listenToOutcomes(clients: LocalClients, topics: Record<string, string>): Promise<OutcomeListener> {
  const { sqs, sns } = clients;
  const created = await sqs.send(new CreateQueueCommand({ QueueName: `bench-eventos-${Date.now()}-${process.pid}` }));
  const queueUrl = created.QueueUrl ?? '';
  const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  await sns.send(
    new SubscribeCommand({
      TopicArn: topics[OUTCOME_TOPIC],
      Protocol: 'sqs',
      Endpoint: attributes.Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: 'true' },
    }),
  );

  const events: ReceivedEvent[] = [];
  const seen = new Set<string>();
  const finals = new Map<string, ReceivedEvent>();
  const waiters = new Map<string, ((event: ReceivedEvent) => void)[]>();
  const take = (received: ReceivedEvent): void => {
    if (seen.has(received.event.id)) return;
    seen.add(received.event.id);
    events.push(received);
    if (received.event.tipo === 'StockBajo') return;
    const key = `${received.event.comando}#${received.event.orden_id}`;
    if (!finals.has(key)) finals.set(key, received);
    for (const resolve of waiters.get(key) ?? []) resolve(received);
    waiters.delete(key);
  };

  let running = true;
  const poll = async (): Promise<void> => {
    while (running) {
      const batch = await sqs
        .send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }))
        .catch(() => ({ Messages: [] }));
      const messages = batch.Messages ?? [];
      if (messages.length === 0) continue;
      const receivedAt = Date.now();
      for (const message of messages) take({ event: JSON.parse(message.Body ?? '{}') as OutcomeEvent, receivedAt });
      await sqs
        .send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle ?? '' })),
          }),
        )
        .catch(() => undefined);
    }
  };
  const pollers = Array.from({ length: POLLERS }, poll);

  return {
    events,
    finalOutcome: (comando, ordenId, timeoutMs) => {
      const key = `${comando}#${ordenId}`;
      const known = finals.get(key);
      if (known) return Promise.resolve(known);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no outcome event for ${key} within ${timeoutMs} ms`)), timeoutMs);
        const list = waiters.get(key) ?? [];
        list.push((event) => {
          clearTimeout(timer);
          resolve(event);
        });
        waiters.set(key, list);
      });
    },
    stop: async () => {
      running = false;
      await Promise.all(pollers);
    },
  };
}
