import { DeleteMessageBatchCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { loadRuntimeConfig, OUTCOME_TOPIC, type OutcomeEvent } from '@inventario/events';
import { endpointsFromEnv, localClients } from '../clients';
import { notYet, waitUntil } from '../wait-until';
import { parseJsonObject } from './parse-json-object';
import { tapTopic } from './tap-topic';

/** An outcome event and when this process received it (ms since the epoch). */
export interface ReceivedEvent {
  event: OutcomeEvent;
  receivedAt: number;
}

/** Collects `InventarioEventos` as another team would: a queue of its own, subscribed with raw delivery. */
export interface OutcomeListener {
  /** Every distinct event received so far (repeats, which "at least once" allows, dropped by event id). */
  readonly events: readonly ReceivedEvent[];
  /** Waits for an event that matches, among all received so far; default 30 s. */
  waitFor(match: (event: OutcomeEvent) => boolean, timeoutMs?: number): Promise<OutcomeEvent>;
  /** Resolves with the final event (`StockActualizado` or `OrdenRechazada`) of a command, when it arrives. */
  finalOutcome(comando: string, ordenId: string, timeoutMs: number): Promise<ReceivedEvent>;
  /** Stops polling and releases the clients. */
  stop(): Promise<void>;
}

/** Pollers on the listening queue: one would cap how fast outcomes can be observed. */
const POLLERS = 4;

/**
 * Subscribes a fresh queue to `InventarioEventos` of the stack `env` names (`process.env` under the Jest
 * global setup, or a stack's `env`) and polls it until stopped. Arrival is measured here, not by polling
 * each `estado_url`, so listening adds no load on the system's reads.
 *
 * @example
 * ```ts
 * const outcomes = await listenToOutcomes(process.env);
 * await outcomes.waitFor((event) => event.orden_id === 'o-1');
 * await outcomes.stop();
 * ```
 */
export async function listenToOutcomes(env: NodeJS.ProcessEnv): Promise<OutcomeListener> {
  const clients = localClients(endpointsFromEnv(env));
  const { sqs } = clients;
  const queueName = `eventos-${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const queueUrl = await tapTopic(clients, loadRuntimeConfig(env).topicArns[OUTCOME_TOPIC] ?? '', queueName);

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
      for (const message of messages) take({ event: parseJsonObject(message.Body ?? '') as unknown as OutcomeEvent, receivedAt });
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
    waitFor: (match, timeoutMs = 30_000) =>
      waitUntil(async () => events.find((received) => match(received.event))?.event ?? notYet('no matching outcome event arrived'), {
        timeoutMs,
        intervalMs: 100,
      }),
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
      clients.destroy();
    },
  };
}
