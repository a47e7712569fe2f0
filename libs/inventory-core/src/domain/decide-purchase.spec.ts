import { decidePurchase } from './decide-purchase';
import type { ProductStates, VersionedProduct } from './types';

function product(overrides: Partial<VersionedProduct> = {}): VersionedProduct {
  return { producto_id: 'PRO001', nombre: 'Martillo', stock: 10, precio: 25.5, estado: true, version: 3, ...overrides };
}

function states(...products: VersionedProduct[]): ProductStates {
  return new Map(products.map((p) => [p.producto_id, p]));
}

describe('decidePurchase', () => {
  it('creates a product that does not exist yet, active, with the units bought as its stock', () => {
    const decision = decidePurchase([{ productoId: 'PRO009', cantidad: 7, nombre: 'Clavo', precio: 0.5 }], states());
    expect(decision).toEqual({
      kind: 'apply',
      changes: [
        {
          productoId: 'PRO009',
          expectedVersion: undefined,
          newVersion: 1,
          delta: 7,
          stockResultante: 7,
          set: { nombre: 'Clavo', precio: 0.5, estado: true },
          movement: 'COMPRA',
        },
      ],
    });
  });

  it('adds the units bought to an existing product', () => {
    const decision = decidePurchase([{ productoId: 'PRO001', cantidad: 5 }], states(product()));
    expect(decision).toEqual({
      kind: 'apply',
      changes: [
        {
          productoId: 'PRO001',
          expectedVersion: 3,
          newVersion: 4,
          delta: 5,
          stockResultante: 15,
          set: { estado: true },
          movement: 'COMPRA',
        },
      ],
    });
  });

  it('re-activates an inactive product it adds stock to', () => {
    const decision = decidePurchase([{ productoId: 'PRO001', cantidad: 1 }], states(product({ estado: false })));
    expect(decision.kind === 'apply' && decision.changes[0]?.set).toEqual({ estado: true });
  });

  it('ignores nombre and precio for a product that exists', () => {
    const decision = decidePurchase(
      [{ productoId: 'PRO001', cantidad: 1, nombre: 'Otro nombre', precio: 99 }],
      states(product()),
    );
    expect(decision.kind === 'apply' && decision.changes[0]?.set).toEqual({ estado: true });
  });

  it('treats a product never versioned (a seed item) as version 0', () => {
    const decision = decidePurchase([{ productoId: 'PRO001', cantidad: 1 }], states(product({ version: 0 })));
    expect(decision.kind === 'apply' && decision.changes[0]).toMatchObject({ expectedVersion: 0, newVersion: 1 });
  });

  it('refuses a new product without nombre or precio with DATOS_INCOMPLETOS', () => {
    expect(decidePurchase([{ productoId: 'PRO009', cantidad: 1, precio: 2 }], states())).toEqual({
      kind: 'reject',
      rejection: { codigo: 'DATOS_INCOMPLETOS', mensaje: 'PRO009: producto nuevo sin nombre' },
    });
    expect(decidePurchase([{ productoId: 'PRO009', cantidad: 1 }], states())).toEqual({
      kind: 'reject',
      rejection: { codigo: 'DATOS_INCOMPLETOS', mensaje: 'PRO009: producto nuevo sin nombre ni precio' },
    });
  });

  it('refuses the whole order when one new line is incomplete (all lines or none)', () => {
    const decision = decidePurchase(
      [
        { productoId: 'PRO001', cantidad: 1 },
        { productoId: 'PRO008', cantidad: 1, nombre: 'Completo', precio: 1 },
        { productoId: 'PRO009', cantidad: 1, nombre: 'Sin precio' },
      ],
      states(product()),
    );
    expect(decision).toEqual({
      kind: 'reject',
      rejection: { codigo: 'DATOS_INCOMPLETOS', mensaje: 'PRO009: producto nuevo sin precio' },
    });
  });

  it('changes every line of a complete order', () => {
    const decision = decidePurchase(
      [
        { productoId: 'PRO001', cantidad: 2 },
        { productoId: 'PRO009', cantidad: 3, nombre: 'Nuevo', precio: 0 },
      ],
      states(product()),
    );
    expect(decision.kind === 'apply' && decision.changes.map((c) => [c.productoId, c.stockResultante])).toEqual([
      ['PRO001', 12],
      ['PRO009', 3],
    ]);
  });
});
