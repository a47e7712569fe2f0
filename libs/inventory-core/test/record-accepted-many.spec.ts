import { commandFingerprint, DynamoInventoryStore, type AcceptedCommand, type Command } from '../src';
import { applyCommand, localDynamoDb, sale, sharedTables, stockUp, uniqueProductId } from './support/local-dynamodb';

const client = localDynamoDb();
const store = new DynamoInventoryStore({ client, tables: sharedTables() });

afterAll(() => client.destroy());

function accepted(command: Command, acceptedAt = new Date()): AcceptedCommand {
  return { type: command.type, ordenId: command.ordenId, fingerprint: commandFingerprint(command), correlationId: 'corr-many', acceptedAt };
}

describe('recording many accepted commands at once', () => {
  it('writes each PENDIENTE record, keeps the records that exist, and says which it wrote, in order', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 5);
    const final = sale(productoId, 2);
    await applyCommand(store, final);
    const pending = sale(uniqueProductId(), 1);
    await store.recordAccepted(accepted(pending, new Date(Date.now() - 1000)));
    const fresh = Array.from({ length: 5 }, () => sale(uniqueProductId(), 1));

    const results = await store.recordAcceptedMany([fresh[0], final, fresh[1], pending, fresh[2], fresh[3], fresh[4]].map((command) => accepted(command as Command)));

    expect(results).toEqual([true, false, true, false, true, true, true].map((created) => ({ created })));
    for (const command of fresh) expect((await store.getCommand('OrdenVenta', command.ordenId))?.estado).toBe('PENDIENTE');
    expect((await store.getCommand('OrdenVenta', final.ordenId))?.estado).toBe('APLICADA');
    expect((await store.getCommand('OrdenVenta', pending.ordenId))?.estado).toBe('PENDIENTE');
  });

  it('writes one record for two acceptances of one id in the call: the first', async () => {
    const command = sale(uniqueProductId(), 1);
    const other = { ...accepted(command), fingerprint: 'another-body' };

    const results = await store.recordAcceptedMany([accepted(command), other, accepted(sale(uniqueProductId(), 1))]);

    expect(results).toEqual([{ created: true }, { created: false }, { created: true }]);
    // The first acceptance's record: withdrawing the second (another fingerprint) leaves it.
    await store.withdrawAccepted(other);
    expect((await store.getCommand('OrdenVenta', command.ordenId))?.estado).toBe('PENDIENTE');
  });

  it('writes more than one transaction holds (100 items), every one exactly once', async () => {
    const commands = Array.from({ length: 130 }, () => sale(uniqueProductId(), 1));

    const results = await store.recordAcceptedMany(commands.map((command) => accepted(command)));

    expect(results.filter((result) => result.created)).toHaveLength(130);
    const again = await store.recordAcceptedMany(commands.map((command) => accepted(command)));
    expect(again.filter((result) => result.created)).toHaveLength(0);
  });

  it('answers one command as recordAccepted does', async () => {
    const command = sale(uniqueProductId(), 1);
    expect(await store.recordAcceptedMany([accepted(command)])).toEqual([{ created: true }]);
    expect(await store.recordAcceptedMany([accepted(command)])).toEqual([{ created: false }]);
    expect(await store.recordAcceptedMany([])).toEqual([]);
  });
});
