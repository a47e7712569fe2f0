import { ConflictRetriesExhaustedError, DynamoInventoryStore } from '../src';
import {
  applyCommand,
  localDynamoDb,
  sale,
  sharedTables,
  stockUp,
  uniqueOrderId,
  uniqueProductId,
  wholeLedger,
} from './support/local-dynamodb';

const client = localDynamoDb();
const store = new DynamoInventoryStore({ client, tables: sharedTables() });

afterAll(() => client.destroy());

/**
 * 150 single-command transactions racing for one item's version do work that grows with the square of
 * the racers (each commit sends the others round again): about 25 s alone on 2 cores, over 60 s beside
 * the rest of the suite. The budget is for that load; the batched path does the same in a second
 * (`apply-batch.spec.ts`).
 */
const MANY_RACERS_TIMEOUT_MS = 240_000;

describe('concurrent sales of one product', () => {
  it('sells exactly the stock there is to 150 concurrent buyers and refuses the rest, never below zero', async () => {
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 50);

    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => applyCommand(store, sale(productoId, 1, uniqueOrderId(`venta${i}`)))),
    );

    const applied = results.filter((r) => r.outcome.estado === 'APLICADA');
    const rejected = results.filter((r) => r.outcome.estado === 'RECHAZADA');
    expect(applied).toHaveLength(50);
    expect(rejected).toHaveLength(100);
    expect(rejected.every((r) => r.outcome.motivo?.codigo === 'STOCK_INSUFICIENTE')).toBe(true);
    expect(results.every((r) => !r.alreadyFinal)).toBe(true);
    expect((await store.getProduct(productoId))?.stock).toBe(0);

    const ledger = await wholeLedger(store, productoId);
    expect(ledger.filter((e) => e.tipo === 'VENTA')).toHaveLength(50);
    expect(ledger.filter((e) => e.tipo === 'COMPRA')).toHaveLength(1);
    expect(ledger).toHaveLength(51);
    expect(ledger.reduce((sum, e) => sum + e.cantidad, 0)).toBe(0);
    // Newest first: 0, 1, ..., 49 after the sales, then 50 after the purchase. Distinct and consecutive.
    expect(ledger.map((e) => e.stock_resultante)).toEqual(Array.from({ length: 51 }, (_, i) => i));
    const outcomeStocks = applied.map((r) => r.outcome.lineas?.[0]?.stock_resultante).sort((a, b) => a! - b!);
    expect(outcomeStocks).toEqual(Array.from({ length: 50 }, (_, i) => i));
    // Each applied order has exactly its one entry.
    expect(new Set(ledger.filter((e) => e.tipo === 'VENTA').map((e) => e.orden_id))).toEqual(
      new Set(applied.map((r) => r.outcome.orden_id)),
    );
  }, MANY_RACERS_TIMEOUT_MS);

  it('gives up on a product that keeps changing with a transient error, leaving stock and ledger consistent', async () => {
    const impatient = new DynamoInventoryStore({ client, tables: sharedTables(), maxConflictRetries: 0 });
    const productoId = uniqueProductId();
    await stockUp(store, productoId, 100);

    const settled = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => applyCommand(impatient, sale(productoId, 1, uniqueOrderId(`prisa${i}`)))),
    );

    const failures = settled.filter((s) => s.status === 'rejected').map((s) => s.reason as unknown);
    const applied = settled.filter((s) => s.status === 'fulfilled' && s.value.outcome.estado === 'APLICADA');
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(ConflictRetriesExhaustedError);
      expect(failure).toMatchObject({ codigo: 'NO_DISPONIBLE', transient: true });
    }
    expect(applied.length + failures.length).toBe(30);
    const stock = (await store.getProduct(productoId))?.stock;
    expect(stock).toBe(100 - applied.length);
    const ledger = await wholeLedger(store, productoId);
    expect(ledger.reduce((sum, e) => sum + e.cantidad, 0)).toBe(stock);
  });
});
