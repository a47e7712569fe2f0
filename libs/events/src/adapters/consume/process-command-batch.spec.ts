import { randomUUID } from 'node:crypto';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { TransientStoreError, type CommandBatchApplier } from '@inventario/inventory-core';
import { signTimestamped } from '@inventario/signature';
import {
  capturingLogger,
  createQueue,
  emulatorClients,
  outcomeQueue,
  realConsumerDeps,
  signedEnvelope,
  sqsRecord,
  uniqueProductId,
} from '../../../test/support/consumer-harness';
import { processCommandBatch, type CommandBatchConsumerDeps } from './process-command-batch';
import { createWholeBatchHandler } from './sqs-whole-batch-handler';

const clients = emulatorClients();
let outcomeQueueUrl: string;
let deadLetterQueueUrl: string;

beforeAll(async () => {
  outcomeQueueUrl = await outcomeQueue(clients, 'batch-outcomes');
  deadLetterQueueUrl = await createQueue(clients.sqs, 'batch-dlq');
});

afterAll(() => clients.destroy());

function saleDeps(applier: CommandBatchApplier = clients.store): CommandBatchConsumerDeps {
  return { ...realConsumerDeps(clients, { type: 'OrdenVenta', deadLetterQueueUrl, logger: capturingLogger().logger }), applier };
}

function saleRecord(productoId: string, cantidad = 1, ordenId = `lote-${randomUUID()}`) {
  const raw = JSON.stringify({ orden_id: ordenId, producto_id: productoId, cantidad });
  return sqsRecord(JSON.stringify(signedEnvelope(raw, { tipo: 'OrdenVenta', orden_id: ordenId })));
}

async function stocked(stock: number): Promise<string> {
  const productoId = uniqueProductId();
  const command = { type: 'OrdenCompra' as const, ordenId: `stock-${randomUUID()}`, lines: [{ productoId, cantidad: stock, nombre: 'Lote', precio: 1 }] };
  await clients.store.apply(command, { fingerprint: randomUUID(), correlationId: 'c', now: new Date() });
  return productoId;
}

/** The final outcome event (`StockActualizado` or `OrdenRechazada`) of each of `ordenIds`, by id. */
async function finalEvents(ordenIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const deadline = Date.now() + 15_000;
  while (found.size < ordenIds.length && Date.now() < deadline) {
    const received = await clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: outcomeQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    for (const message of received.Messages ?? []) {
      const event = JSON.parse(message.Body ?? '{}') as { orden_id: string; tipo: string };
      if (ordenIds.includes(event.orden_id) && event.tipo !== 'StockBajo') found.set(event.orden_id, event.tipo);
    }
  }
  return found;
}

function ordenIdOf(record: { body: string }): string {
  return (JSON.parse(record.body) as { orden_id: string }).orden_id;
}

describe('a whole batch of command messages (group commit)', () => {
  it('applies 12 sales of a product with stock 10 together: 10 applied, 2 refused, each outcome published', async () => {
    const productoId = await stocked(10);
    const records = Array.from({ length: 12 }, () => saleRecord(productoId));

    const results = await processCommandBatch(records, saleDeps());

    expect(results.map((r) => (r.ok ? r.result : 'FALLO'))).toEqual([...Array(10).fill('APLICADA'), 'RECHAZADA', 'RECHAZADA']);
    expect(results.map((r) => r.messageId)).toEqual(records.map((r) => r.messageId));
    expect((await clients.store.getProduct(productoId))?.stock).toBe(0);
    const events = await finalEvents(records.map(ordenIdOf));
    expect(records.map((r) => events.get(ordenIdOf(r)))).toEqual([...Array(10).fill('StockActualizado'), 'OrdenRechazada', 'OrdenRechazada']);
  });

  it('logs what the group cost in store calls: no read for a product this store wrote, one transaction', async () => {
    const productoId = await stocked(10);
    const { logger, lines } = capturingLogger();
    const records = Array.from({ length: 12 }, () => saleRecord(productoId));

    await processCommandBatch(records, { ...saleDeps(), logger });

    // 1 product update, 1 ledger item of the 10 sales' entries, 12 records (10 sales, 2 refusals).
    expect(lines.filter((line) => line.message === 'Group applied').map((line) => line.attributes)).toEqual([
      { mensajes: 12, lecturas: 0, transacciones: 1, items_escritos: 14 },
    ]);
  });

  it("hands the store each command's acceptance time from its envelope (the PENDIENTE record's recibida)", async () => {
    const productoId = await stocked(5);
    const ocurrido = new Date(Date.now() - 30_000).toISOString();
    const ordenId = `lote-${randomUUID()}`;
    const raw = JSON.stringify({ orden_id: ordenId, producto_id: productoId, cantidad: 1 });
    const record = sqsRecord(JSON.stringify(signedEnvelope(raw, { tipo: 'OrdenVenta', orden_id: ordenId, ocurrido })));
    const seen: (string | undefined)[] = [];
    // The real store, watched: what it is handed, and what it records.
    const watched: CommandBatchApplier = {
      applyBatch: (batch, onWork) => {
        seen.push(...batch.map((item) => item.context.acceptedAt));
        return clients.store.applyBatch(batch, onWork);
      },
      refuseUnreadable: (command) => clients.store.refuseUnreadable(command),
    };

    const [result] = await processCommandBatch([record], saleDeps(watched));

    expect(result?.ok && result.result).toBe('APLICADA');
    expect(seen).toEqual([ocurrido]);
  });

  it('says when its commands are settled in the store, before it publishes their outcomes', async () => {
    const productoId = await stocked(5);
    const records = [saleRecord(productoId), saleRecord(productoId, 2)];
    const deps = saleDeps();
    const steps: string[] = [];
    const publish = deps.outcomes.publish.bind(deps.outcomes);
    deps.outcomes = { publish: (events) => (steps.push('published'), publish(events)) };

    const results = await processCommandBatch(records, deps, { onApplied: () => steps.push('applied') });

    expect(results.map((r) => r.ok && r.result)).toEqual(['APLICADA', 'APLICADA']);
    // The two sales' four events (each a StockActualizado and a StockBajo) fit one PublishBatch.
    expect(steps).toEqual(['applied', 'published']);
  });

  it('quarantines a tampered message of the batch, never applying it, and applies the others', async () => {
    const productoId = await stocked(5);
    const good = saleRecord(productoId);
    const tampered = sqsRecord(JSON.stringify({ ...JSON.parse(saleRecord(productoId, 3).body), firma: signTimestamped('wrong-key', 'x') }));

    const results = await processCommandBatch([good, tampered], saleDeps());

    expect(results.map((r) => r.ok && r.result)).toEqual(['APLICADA', 'CUARENTENA']);
    expect((await clients.store.getProduct(productoId))?.stock).toBe(4);
    expect(await clients.store.getCommand('OrdenVenta', ordenIdOf(tampered))).toBeUndefined();
  });

  it('applies a message delivered twice in one batch once', async () => {
    const productoId = await stocked(5);
    const record = saleRecord(productoId, 2);

    const results = await processCommandBatch([record, { ...record, messageId: randomUUID() }], saleDeps());

    expect(results.map((r) => r.ok && r.result)).toEqual(['APLICADA', 'YA_PROCESADA']);
    expect((await clients.store.getProduct(productoId))?.stock).toBe(3);
  });

  it('reports only the message whose command could not be settled, so only it is delivered again', async () => {
    const productoId = await stocked(5);
    const records = [saleRecord(productoId), saleRecord(productoId), saleRecord(productoId)];
    const failing = ordenIdOf(records[1]!);
    // A store fault for one command of a group is not something DynamoDB Local can be made to do on cue.
    const flaky: CommandBatchApplier = {
      applyBatch: async (batch) => {
        const kept = batch.filter((item) => item.command.ordenId !== failing);
        const applied = await clients.store.applyBatch(kept);
        return batch.map((item) =>
          item.command.ordenId === failing ? { ok: false, error: new TransientStoreError('unavailable') } : applied[kept.indexOf(item)]!,
        );
      },
      refuseUnreadable: (command) => clients.store.refuseUnreadable(command),
    };

    const response = await createWholeBatchHandler((batch) => processCommandBatch(batch, saleDeps(flaky)))({ Records: records });

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: records[1]!.messageId }]);
    expect((await clients.store.getProduct(productoId))?.stock).toBe(3);
    expect(await clients.store.getCommand('OrdenVenta', failing)).toBeUndefined();
  });
});
