import { commandFingerprint } from './fingerprint';

describe('commandFingerprint', () => {
  it('gives the same fingerprint to the payload the gateway records and the command the consumer applies', () => {
    const payload = { type: 'OrdenVenta' as const, lines: [{ productoId: 'PRO001', cantidad: 2 }] };
    expect(commandFingerprint({ ...payload, ordenId: 'venta-1' })).toBe(commandFingerprint(payload));
  });

  it('tells apart two bodies that ask for different things', () => {
    const one = commandFingerprint({ type: 'OrdenVenta', lines: [{ productoId: 'PRO001', cantidad: 2 }] });
    const other = commandFingerprint({ type: 'OrdenVenta', lines: [{ productoId: 'PRO001', cantidad: 3 }] });
    expect(one).not.toBe(other);
  });

  it('does not depend on the order of the fields', () => {
    expect(commandFingerprint({ type: 'ActualizarProducto', productoId: 'PRO001', nombre: 'a', precio: 1 })).toBe(
      commandFingerprint({ precio: 1, nombre: 'a', productoId: 'PRO001', type: 'ActualizarProducto' }),
    );
  });
});
