import type { Command } from '../command';
import { decideInSequence } from './decide-in-sequence';
import type { ProductStates } from './types';

const commands: Command[] = [
  { type: 'OrdenCompra', ordenId: 'c', lines: [{ productoId: 'PRO002', cantidad: 5, nombre: 'Nuevo', precio: 2 }] },
  { type: 'EliminarProducto', ordenId: 'd', productoId: 'PRO002' },
  { type: 'OrdenVenta', ordenId: 'v', lines: [{ productoId: 'PRO002', cantidad: 1 }] },
];

const product = { producto_id: 'PRO001', nombre: 'Martillo', precio: 10, estado: true, stock: 2, version: 3 };
const sale = (ordenId: string, cantidad: number): Command => ({ type: 'OrdenVenta', ordenId, lines: [{ productoId: 'PRO001', cantidad }] });

describe('decideInSequence', () => {
  it('decides each sale against the stock the ones before it left, with consecutive versions', () => {
    const { decisions, states } = decideInSequence([sale('a', 1), sale('b', 1), sale('c', 1)], new Map([['PRO001', product]]));

    expect(decisions.map((decision) => decision.kind)).toEqual(['apply', 'apply', 'reject']);
    expect(decisions.flatMap((decision) => (decision.kind === 'apply' ? decision.changes : []))).toMatchObject([
      { expectedVersion: 3, newVersion: 4, delta: -1, stockResultante: 1 },
      { expectedVersion: 4, newVersion: 5, delta: -1, stockResultante: 0 },
    ]);
    expect(states.get('PRO001')).toMatchObject({ stock: 0, version: 5 });
  });

  it('lets a later command see a product an earlier one created, and a deletion an earlier one made', () => {
    const states: ProductStates = new Map();
    const { decisions } = decideInSequence(commands, states);

    expect(decisions[0]).toMatchObject({ kind: 'apply', changes: [{ expectedVersion: undefined, newVersion: 1 }] });
    expect(decisions[1]).toMatchObject({ kind: 'apply', changes: [{ expectedVersion: 1, newVersion: 2, set: { estado: false } }] });
    expect(decisions[2]).toMatchObject({ kind: 'reject', rejection: { codigo: 'PRODUCTO_INACTIVO' } });
  });
});
