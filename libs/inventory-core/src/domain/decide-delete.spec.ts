import { decideDelete } from './decide-delete';
import type { VersionedProduct } from './types';

const existing: VersionedProduct = { producto_id: 'PRO001', nombre: 'Martillo', stock: 10, precio: 25.5, estado: true, version: 7 };

describe('decideDelete', () => {
  it('refuses to delete a product that does not exist', () => {
    expect(decideDelete({ type: 'EliminarProducto', productoId: 'PRO404' }, new Map())).toEqual({
      kind: 'reject',
      rejection: { codigo: 'PRODUCTO_NO_EXISTE', mensaje: 'PRO404: no existe' },
    });
  });

  it('sets estado false and keeps the stock, with a BAJA entry of 0 units', () => {
    expect(decideDelete({ type: 'EliminarProducto', productoId: 'PRO001' }, new Map([['PRO001', existing]]))).toEqual({
      kind: 'apply',
      changes: [
        {
          productoId: 'PRO001',
          expectedVersion: 7,
          newVersion: 8,
          delta: 0,
          stockResultante: 10,
          set: { estado: false },
          movement: 'BAJA',
        },
      ],
    });
  });

  it('deletes an inactive product again (the same effect)', () => {
    const decision = decideDelete(
      { type: 'EliminarProducto', productoId: 'PRO001' },
      new Map([['PRO001', { ...existing, estado: false }]]),
    );
    expect(decision.kind === 'apply' && decision.changes[0]).toMatchObject({ set: { estado: false }, movement: 'BAJA', newVersion: 8 });
  });
});
