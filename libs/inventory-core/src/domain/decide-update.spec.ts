import { decideUpdate } from './decide-update';
import type { ProductStates, VersionedProduct } from './types';

const existing: VersionedProduct = { producto_id: 'PRO001', nombre: 'Martillo', stock: 10, precio: 25.5, estado: true, version: 2 };
const states: ProductStates = new Map([['PRO001', existing]]);

describe('decideUpdate', () => {
  it('refuses to update a product that does not exist', () => {
    expect(decideUpdate({ type: 'ActualizarProducto', productoId: 'PRO404', nombre: 'X' }, states)).toEqual({
      kind: 'reject',
      rejection: { codigo: 'PRODUCTO_NO_EXISTE', mensaje: 'PRO404: no existe' },
    });
  });

  it('sets the nombre, precio and estado given, leaving the stock as it is and writing no ledger entry', () => {
    expect(
      decideUpdate({ type: 'ActualizarProducto', productoId: 'PRO001', nombre: 'Mazo', precio: 30, estado: false }, states),
    ).toEqual({
      kind: 'apply',
      changes: [
        {
          productoId: 'PRO001',
          expectedVersion: 2,
          newVersion: 3,
          delta: 0,
          stockResultante: 10,
          set: { nombre: 'Mazo', precio: 30, estado: false },
          movement: undefined,
        },
      ],
    });
  });

  it('sets only the fields given', () => {
    const decision = decideUpdate({ type: 'ActualizarProducto', productoId: 'PRO001', precio: 0 }, states);
    expect(decision.kind === 'apply' && decision.changes[0]?.set).toEqual({ precio: 0 });
  });

  it('sets the stock count with cantidad, as a delta with an AJUSTE entry', () => {
    const decision = decideUpdate({ type: 'ActualizarProducto', productoId: 'PRO001', cantidad: 4 }, states);
    expect(decision.kind === 'apply' && decision.changes[0]).toMatchObject({ delta: -6, stockResultante: 4, movement: 'AJUSTE' });
  });

  it('records a count equal to the stock as an AJUSTE entry of 0', () => {
    const decision = decideUpdate({ type: 'ActualizarProducto', productoId: 'PRO001', cantidad: 10 }, states);
    expect(decision.kind === 'apply' && decision.changes[0]).toMatchObject({ delta: 0, stockResultante: 10, movement: 'AJUSTE' });
  });

  it('accepts a count of 0', () => {
    const decision = decideUpdate({ type: 'ActualizarProducto', productoId: 'PRO001', cantidad: 0 }, states);
    expect(decision.kind === 'apply' && decision.changes[0]).toMatchObject({ delta: -10, stockResultante: 0 });
  });
});
