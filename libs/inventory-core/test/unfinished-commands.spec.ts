import { commandFingerprint, DynamoInventoryStore, PENDING_COMMAND_LIFETIME_MS, type AcceptedCommand, type Command } from '../src';
import { applyCommand, localDynamoDb, sale, sharedTables, stockUp, uniqueOrderId, uniqueProductId } from './support/local-dynamodb';

const client = localDynamoDb();
const tables = sharedTables();
const store = new DynamoInventoryStore({ client, tables });

afterAll(() => client.destroy());

function accepted(command: Command, acceptedAt = new Date()): AcceptedCommand {
  return { type: command.type, ordenId: command.ordenId, fingerprint: commandFingerprint(command), correlationId: 'corr-test', acceptedAt };
}

describe('an accepted command whose message was never published', () => {
  it('takes back the PENDIENTE record its own acceptance wrote, so estado_url stops answering PENDIENTE', async () => {
    const command = sale(uniqueProductId(), 1);
    const acceptance = accepted(command);
    expect(await store.recordAccepted(acceptance)).toEqual({ created: true });
    expect((await store.getCommand('OrdenVenta', command.ordenId))?.estado).toBe('PENDIENTE');

    await store.withdrawAccepted(acceptance);

    expect(await store.getCommand('OrdenVenta', command.ordenId)).toBeUndefined();
  });

  it("says it wrote nothing when a record exists, and leaves another acceptance's record alone", async () => {
    const command = sale(uniqueProductId(), 1);
    const first = accepted(command, new Date(Date.now() - 1000));
    await store.recordAccepted(first);
    const retry = accepted(command);
    expect(await store.recordAccepted(retry)).toEqual({ created: false });

    await store.withdrawAccepted(retry);

    expect((await store.getCommand('OrdenVenta', command.ordenId))?.estado).toBe('PENDIENTE');
  });

  it('never takes back a final outcome', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const command = sale(productoId, 2);
    const acceptance = accepted(command);
    await store.recordAccepted(acceptance);
    await applyCommand(store, command);

    await store.withdrawAccepted(acceptance);

    expect((await store.getCommand('OrdenVenta', command.ordenId))?.estado).toBe('APLICADA');
  });
});

describe('a command whose authentically signed message could not be read', () => {
  it('is recorded RECHAZADA with MENSAJE_INVALIDO, over its PENDIENTE record, and changes no product', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const command = sale(productoId, 2);
    await store.recordAccepted(accepted(command));

    const result = await store.refuseUnreadable({ type: 'OrdenVenta', ordenId: command.ordenId, correlationId: 'corr-x', now: new Date() });

    expect(result).toEqual({
      alreadyFinal: false,
      outcome: { orden_id: command.ordenId, tipo: 'OrdenVenta', estado: 'RECHAZADA', motivo: { codigo: 'MENSAJE_INVALIDO', mensaje: expect.any(String) } },
    });
    expect(await store.getCommand('OrdenVenta', command.ordenId)).toEqual(result.outcome);
    expect((await store.getProduct(productoId))?.stock).toBe(5);
  });

  it('keeps a final outcome as it is and answers it', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const command = sale(productoId, 2);
    const applied = await applyCommand(store, command);

    const result = await store.refuseUnreadable({ type: 'OrdenVenta', ordenId: command.ordenId, correlationId: 'corr-x', now: new Date() });

    expect(result).toEqual({ alreadyFinal: true, outcome: applied.outcome });
    expect((await store.getProduct(productoId))?.stock).toBe(3);
  });

  it('is final for a later delivery of the same id, which then changes nothing', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const ordenId = uniqueOrderId('ilegible');
    await store.refuseUnreadable({ type: 'OrdenVenta', ordenId, correlationId: 'corr-x', now: new Date() });

    const later = await applyCommand(store, sale(productoId, 1, ordenId));

    expect(later.outcome.estado).toBe('RECHAZADA');
    expect((await store.getProduct(productoId))?.stock).toBe(5);
  });
});

describe('a command no message of which was processed within its lifetime', () => {
  const LIFETIME_MS = 60_000;
  const shortLived = new DynamoInventoryStore({ client, tables, pendingLifetimeMs: LIFETIME_MS });

  it('reads PENDIENTE within its lifetime and RECHAZADA MENSAJE_CADUCADO after it', async () => {
    const command = sale(uniqueProductId(), 1);
    await shortLived.recordAccepted(accepted(command, new Date(Date.now() - LIFETIME_MS + 5_000)));
    expect((await shortLived.getCommand('OrdenVenta', command.ordenId))?.estado).toBe('PENDIENTE');

    const old = sale(uniqueProductId(), 1);
    await shortLived.recordAccepted(accepted(old, new Date(Date.now() - LIFETIME_MS - 1_000)));
    expect(await shortLived.getCommand('OrdenVenta', old.ordenId)).toEqual({
      orden_id: old.ordenId,
      tipo: 'OrdenVenta',
      estado: 'RECHAZADA',
      motivo: { codigo: 'MENSAJE_CADUCADO', mensaje: expect.any(String) },
    });
  });

  it('refuses a message that still arrives after it with the same code, and changes nothing, so reads and consumer agree', async () => {
    const productoId = uniqueProductId();
    await stockUp(shortLived, productoId, 5);
    const command = sale(productoId, 2);
    await shortLived.recordAccepted(accepted(command, new Date(Date.now() - LIFETIME_MS - 1_000)));

    const late = await shortLived.apply(command, { fingerprint: commandFingerprint(command), correlationId: 'c', now: new Date() });

    expect(late.outcome).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'MENSAJE_CADUCADO' } });
    expect((await shortLived.getProduct(productoId))?.stock).toBe(5);
    expect(await shortLived.getCommand('OrdenVenta', command.ordenId)).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'MENSAJE_CADUCADO' } });
  });

  it('lives longer than a message can: the default outlives 14 days, the longest retention SQS allows', () => {
    expect(PENDING_COMMAND_LIFETIME_MS).toBeGreaterThan(14 * 24 * 60 * 60 * 1000);
  });
});
