import { decide } from './decide';
import { outcomeLines } from './outcome-lines';
import { productIdsOf } from './product-ids-of';
import type { VersionedProduct } from './types';

const existing: VersionedProduct = { producto_id: 'PRO001', nombre: 'Martillo', stock: 10, precio: 25.5, estado: true, version: 1 };
const states = new Map([['PRO001', existing]]);

describe('decide', () => {
  it('decides each command type by its own rules', () => {
    expect(decide({ type: 'OrdenCompra', lines: [{ productoId: 'PRO001', cantidad: 1 }] }, states)).toMatchObject({
      kind: 'apply',
      changes: [{ movement: 'COMPRA', delta: 1 }],
    });
    expect(decide({ type: 'OrdenVenta', lines: [{ productoId: 'PRO001', cantidad: 1 }] }, states)).toMatchObject({
      kind: 'apply',
      changes: [{ movement: 'VENTA', delta: -1 }],
    });
    expect(decide({ type: 'ActualizarProducto', productoId: 'PRO001', cantidad: 3 }, states)).toMatchObject({
      kind: 'apply',
      changes: [{ movement: 'AJUSTE', delta: -7 }],
    });
    expect(decide({ type: 'EliminarProducto', productoId: 'PRO001' }, states)).toMatchObject({
      kind: 'apply',
      changes: [{ movement: 'BAJA', delta: 0 }],
    });
  });

  it('names the products a command reads, in the order of its lines', () => {
    expect(
      productIdsOf({
        type: 'OrdenVenta',
        lines: [
          { productoId: 'PRO002', cantidad: 1 },
          { productoId: 'PRO001', cantidad: 1 },
        ],
      }),
    ).toEqual(['PRO002', 'PRO001']);
    expect(productIdsOf({ type: 'EliminarProducto', productoId: 'PRO003' })).toEqual(['PRO003']);
  });

  it('gives one outcome line per product: the signed delta and the stock it left', () => {
    const decision = decide({ type: 'OrdenVenta', lines: [{ productoId: 'PRO001', cantidad: 4 }] }, states);
    expect(decision.kind === 'apply' && outcomeLines(decision.changes)).toEqual([
      { producto_id: 'PRO001', cantidad: -4, stock_resultante: 6 },
    ]);
  });
});
