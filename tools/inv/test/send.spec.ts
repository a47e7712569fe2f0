import { uniqueOrderId, uniqueProductId } from '@inventario/local-stack';
import { TEST_KEY } from './support/commands';
import { spawnCli } from './support/cli-process';
import { startRunningSystem, type RunningSystem } from './support/running-system';
import { inv } from './support/run-inv';

let system: RunningSystem;

beforeAll(async () => {
  system = await startRunningSystem();
});

afterAll(async () => {
  await system?.stop();
});

const client = (args: string[], env: Record<string, string> = {}) => inv(['--url', system.gateway.url, ...args], { SIGNATURE_SECRET: TEST_KEY, ...env });

interface Outcome {
  estado: string;
  tipo: string;
  motivo?: { codigo: string };
  lineas?: { producto_id: string; stock_resultante: number }[];
}

describe('send --wait', () => {
  it('returns the outcome of each route: purchase, sale, update and delete', async () => {
    const product = uniqueProductId();

    const purchase = await client(['send', 'orden-compra', '--orden-id', uniqueOrderId(), '--producto-id', product, '--cantidad', '10', '--nombre', 'Lápiz', '--precio', '2.5', '--wait', '-o', 'json']);
    expect(purchase.code).toBe(0);
    expect(purchase.json<{ resultado: Outcome }>().resultado).toMatchObject({ tipo: 'OrdenCompra', estado: 'APLICADA', lineas: [{ producto_id: product, stock_resultante: 10 }] });

    const saleId = uniqueOrderId();
    const sale = await client(['send', '/orden-venta', '--json', JSON.stringify({ orden_id: saleId, producto_id: product, cantidad: 3 }), '--legacy', '--wait', '-o', 'json']);
    expect(sale.code).toBe(0);
    expect(sale.json<{ resultado: Outcome }>().resultado).toMatchObject({ tipo: 'OrdenVenta', estado: 'APLICADA', lineas: [{ stock_resultante: 7 }] });

    const update = await client(['send', 'actualizar-producto', '--json', JSON.stringify({ orden_id: uniqueOrderId(), producto_id: product, nombre: 'Lápiz HB' }), '--v1', '--wait', '-o', 'json']);
    expect(update.json<{ resultado: Outcome }>().resultado).toMatchObject({ tipo: 'ActualizarProducto', estado: 'APLICADA' });

    const remove = await client(['send', 'eliminar-productos', '--producto-id', product, '--idempotency-key', uniqueOrderId(), '--wait']);
    expect(remove.code).toBe(0);
    expect(remove.stdout).toMatch(/estado\s*│\s*APLICADA/);
    expect(remove.stdout).toContain('EliminarProducto');

    const read = await client(['product', product, '--json']);
    expect(read.json()).toEqual({ producto_id: product, nombre: 'Lápiz HB', stock: 7, precio: 2.5, estado: false });
    const ledger = await client(['ledger', product, '--json']);
    expect(ledger.json<{ data: { tipo: string; cantidad: number }[] }>().data.map((entry) => [entry.tipo, entry.cantidad])).toEqual([
      ['BAJA', 0],
      ['VENTA', -3],
      ['COMPRA', 10],
    ]);
    const status = await client(['status', saleId, '--json']);
    expect(status.json()).toMatchObject({ orden_id: saleId, tipo: 'OrdenVenta', estado: 'APLICADA' });
    const products = await client(['products', '--limit', '1000']);
    expect(products.code).toBe(0);
    expect(products.stdout).toMatch(new RegExp(`${product}\\s*│\\s*Lápiz HB\\s*│\\s*7`));
  });

  it('returns a rejection as the outcome, with exit code 3', async () => {
    const sale = await client(['send', 'orden-venta', '--producto-id', uniqueProductId(), '--cantidad', '1', '--orden-id', uniqueOrderId(), '--wait']);
    expect(sale.code).toBe(3);
    expect(sale.stdout).toMatch(/estado\s*│\s*RECHAZADA/);
    expect(sale.stdout).toContain('PRODUCTO_NO_EXISTE');
  });

  it("with a wrong key prints the contract's 401 message and exits non-zero (the real CLI process)", async () => {
    const run = spawnCli(['--url', system.gateway.url, 'send', 'orden-compra', '--producto-id', uniqueProductId(), '--cantidad', '1', '--nombre', 'X', '--precio', '1'], {
      SIGNATURE_SECRET: 'not-the-key',
    });
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.output().stderr).toMatch(/^inv: 401 FIRMA_INVALIDA: Firma rechazada: /m);
  });
});
