import { decideSale } from './decide-sale';
import type { ProductStates, VersionedProduct } from './types';

function product(id: string, overrides: Partial<VersionedProduct> = {}): VersionedProduct {
  return { producto_id: id, nombre: 'Martillo', stock: 10, precio: 25.5, estado: true, version: 4, ...overrides };
}

function states(...products: VersionedProduct[]): ProductStates {
  return new Map(products.map((p) => [p.producto_id, p]));
}

describe('decideSale', () => {
  it('subtracts the units sold, guarded by the stock and the active flag', () => {
    expect(decideSale([{ productoId: 'PRO001', cantidad: 4 }], states(product('PRO001')))).toEqual({
      kind: 'apply',
      changes: [
        {
          productoId: 'PRO001',
          expectedVersion: 4,
          newVersion: 5,
          delta: -4,
          stockResultante: 6,
          set: {},
          movement: 'VENTA',
          guard: { minStock: 4, mustBeActive: true },
        },
      ],
    });
  });

  it('sells the last unit, leaving stock 0', () => {
    const decision = decideSale([{ productoId: 'PRO001', cantidad: 10 }], states(product('PRO001')));
    expect(decision.kind === 'apply' && decision.changes[0]?.stockResultante).toBe(0);
  });

  it('refuses a sale that would take stock below zero', () => {
    expect(decideSale([{ productoId: 'PRO001', cantidad: 5 }], states(product('PRO001', { stock: 3 })))).toEqual({
      kind: 'reject',
      rejection: { codigo: 'STOCK_INSUFICIENTE', mensaje: 'PRO001: stock 3, pedido 5' },
    });
  });

  it('refuses a sale of a product that does not exist', () => {
    expect(decideSale([{ productoId: 'PRO404', cantidad: 1 }], new Map([['PRO404', undefined]]))).toEqual({
      kind: 'reject',
      rejection: { codigo: 'PRODUCTO_NO_EXISTE', mensaje: 'PRO404: no existe' },
    });
  });

  it('refuses a sale of an inactive product', () => {
    expect(decideSale([{ productoId: 'PRO001', cantidad: 1 }], states(product('PRO001', { estado: false })))).toEqual({
      kind: 'reject',
      rejection: { codigo: 'PRODUCTO_INACTIVO', mensaje: 'PRO001: inactivo' },
    });
  });

  it('refuses the whole order when one line is short (all lines or none), naming every failing product', () => {
    const decision = decideSale(
      [
        { productoId: 'PRO001', cantidad: 1 },
        { productoId: 'PRO002', cantidad: 5 },
        { productoId: 'PRO003', cantidad: 9 },
      ],
      states(product('PRO001'), product('PRO002', { stock: 3 }), product('PRO003', { stock: 8 })),
    );
    expect(decision).toEqual({
      kind: 'reject',
      rejection: { codigo: 'STOCK_INSUFICIENTE', mensaje: 'PRO002: stock 3, pedido 5; PRO003: stock 8, pedido 9' },
    });
  });

  it('refuses with the gravest code when lines fail for different reasons', () => {
    const decision = decideSale(
      [
        { productoId: 'PRO002', cantidad: 5 },
        { productoId: 'PRO003', cantidad: 1 },
        { productoId: 'PRO404', cantidad: 1 },
      ],
      states(product('PRO002', { stock: 3 }), product('PRO003', { estado: false })),
    );
    expect(decision.kind === 'reject' && decision.rejection).toEqual({
      codigo: 'PRODUCTO_NO_EXISTE',
      mensaje: 'PRO002: stock 3, pedido 5; PRO003: inactivo; PRO404: no existe',
    });
  });

  it('changes every line of a sale that can be served in full', () => {
    const decision = decideSale(
      [
        { productoId: 'PRO001', cantidad: 2 },
        { productoId: 'PRO002', cantidad: 3 },
      ],
      states(product('PRO001', { stock: 5 }), product('PRO002', { stock: 3, version: 0 })),
    );
    expect(decision.kind === 'apply' && decision.changes.map((c) => [c.productoId, c.delta, c.stockResultante, c.newVersion])).toEqual([
      ['PRO001', -2, 3, 5],
      ['PRO002', -3, 0, 1],
    ]);
  });
});
