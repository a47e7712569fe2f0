import { randomUUID } from 'node:crypto';
import { signRequest } from '@inventario/signature';
import {
  capturingLogger,
  createQueue,
  drain,
  emulatorClients,
  KEY,
  outcomeQueue,
  realConsumerDeps,
  signedEnvelope,
  sqsRecord,
  uniqueProductId,
  type EmulatorClients,
} from '../../../test/support/consumer-harness';
import type { CommandEnvelope } from '../../contract/envelope';
import { processCommandMessage, type CommandConsumerDeps } from './process-command-message';
import { QUARANTINE_ATTRIBUTE } from './quarantine';

let clients: EmulatorClients;
let deadLetterQueueUrl: string;
let outcomeQueueUrl: string;

beforeAll(async () => {
  clients = emulatorClients();
  deadLetterQueueUrl = await createQueue(clients.sqs, 'unfinished-dlq');
  outcomeQueueUrl = await outcomeQueue(clients, 'unfinished-outcomes');
});

afterAll(() => clients.destroy());

function depsFor(type: CommandConsumerDeps['entry']['type']): CommandConsumerDeps {
  return realConsumerDeps(clients, { type, deadLetterQueueUrl, logger: capturingLogger().logger });
}

/** An envelope as the gateway makes it for a request signed with `v2` for `path`. */
function requestBoundEnvelope(tipo: CommandEnvelope['tipo'], path: string, body: Record<string, unknown>): CommandEnvelope {
  const raw = JSON.stringify(body);
  return signedEnvelope(raw, { tipo, orden_id: String(body.orden_id), ruta: path, firma: signRequest(KEY, { method: 'POST', path }, raw) });
}

async function outcomeEventsOf(ordenId: string): Promise<{ tipo: string; motivo?: { codigo: string } }[]> {
  const events = (await drain(clients.sqs, outcomeQueueUrl)).map((m) => JSON.parse(m.Body ?? '{}') as { orden_id: string; tipo: string; motivo?: { codigo: string } });
  return events.filter((event) => event.orden_id === ordenId);
}

describe('a message signed with v2, bound to its route', () => {
  it('applies on the queue of the route it was signed for, bare or under the stage prefix', async () => {
    for (const path of ['/orden-compra', '/dev/orden-compra']) {
      const ordenId = `v2-${randomUUID()}`;
      const body = { orden_id: ordenId, producto_id: uniqueProductId(), cantidad: 3, nombre: 'Tornillo', precio: 1 };
      const result = await processCommandMessage(sqsRecord(JSON.stringify(requestBoundEnvelope('OrdenCompra', path, body))), depsFor('OrdenCompra'));
      expect({ path, result }).toEqual({ path, result: 'APLICADA' });
    }
  });

  it('is quarantined, never applied nor recorded, when a sale signed for /orden-venta arrives on the update queue', async () => {
    const productoId = uniqueProductId();
    const ordenId = `v2-cruzada-${randomUUID()}`;
    const signedForSale = requestBoundEnvelope('OrdenVenta', '/orden-venta', { orden_id: ordenId, producto_id: productoId, cantidad: 2 });
    // Republished with the update's type: its envelope may say anything, the signature says /orden-venta.
    const moved = { ...signedForSale, tipo: 'ActualizarProducto' as const };
    for (const ruta of ['/orden-venta', '/actualizar-producto']) {
      const result = await processCommandMessage(sqsRecord(JSON.stringify({ ...moved, ruta })), depsFor('ActualizarProducto'));
      expect({ ruta, result }).toEqual({ ruta, result: 'CUARENTENA' });
    }
    expect(await clients.store.getCommand('ActualizarProducto', ordenId)).toBeUndefined();
    expect(await clients.store.getProduct(productoId)).toBeUndefined();
    const kept = await drain(clients.sqs, deadLetterQueueUrl);
    expect(kept.map((m) => m.MessageAttributes?.[QUARANTINE_ATTRIBUTE]?.StringValue)).toEqual(['FIRMA_INVALIDA', 'FIRMA_INVALIDA']);
  });
});

describe('a message authentically signed whose body is not the command', () => {
  it('is kept in the dead-letter queue, recorded RECHAZADA MENSAJE_INVALIDO over its PENDIENTE record, and announced', async () => {
    const ordenId = `ilegible-${randomUUID()}`;
    await clients.store.recordAccepted({ type: 'OrdenCompra', ordenId, fingerprint: 'f', correlationId: 'c', acceptedAt: new Date() });
    const raw = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"producto_id":"PRO001","cantidad":1}', 'utf16le')]);

    const result = await processCommandMessage(sqsRecord(JSON.stringify(signedEnvelope(raw, { orden_id: ordenId }))), depsFor('OrdenCompra'));

    expect(result).toBe('CUARENTENA');
    expect(await clients.store.getCommand('OrdenCompra', ordenId)).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'MENSAJE_INVALIDO' } });
    const kept = await drain(clients.sqs, deadLetterQueueUrl);
    expect(kept.map((m) => m.MessageAttributes?.[QUARANTINE_ATTRIBUTE]?.StringValue)).toEqual(['MENSAJE_INVALIDO']);
    expect(await outcomeEventsOf(ordenId)).toEqual([expect.objectContaining({ tipo: 'OrdenRechazada', motivo: expect.objectContaining({ codigo: 'MENSAJE_INVALIDO' }) })]);
  });

  it('leaves a final outcome as it was, and announces nothing new', async () => {
    const ordenId = `aplicada-${randomUUID()}`;
    const good = { orden_id: ordenId, producto_id: uniqueProductId(), cantidad: 1, nombre: 'Clavo', precio: 1 };
    expect(await processCommandMessage(sqsRecord(JSON.stringify(signedEnvelope(JSON.stringify(good), { orden_id: ordenId }))), depsFor('OrdenCompra'))).toBe('APLICADA');
    await outcomeEventsOf(ordenId);

    const result = await processCommandMessage(sqsRecord(JSON.stringify(signedEnvelope('[]', { orden_id: ordenId }))), depsFor('OrdenCompra'));

    expect(result).toBe('CUARENTENA');
    expect(await clients.store.getCommand('OrdenCompra', ordenId)).toMatchObject({ estado: 'APLICADA' });
    expect(await outcomeEventsOf(ordenId)).toEqual([]);
    await drain(clients.sqs, deadLetterQueueUrl);
  });

  it('is never recorded when its signature fails: the id it claims is not its own', async () => {
    const ordenId = `falsa-${randomUUID()}`;
    const result = await processCommandMessage(sqsRecord(JSON.stringify(signedEnvelope('[]', { orden_id: ordenId, key: 'otra-clave' }))), depsFor('OrdenCompra'));
    expect(result).toBe('CUARENTENA');
    expect(await clients.store.getCommand('OrdenCompra', ordenId)).toBeUndefined();
    await drain(clients.sqs, deadLetterQueueUrl);
  });
});
