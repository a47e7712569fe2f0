import { UnknownNameError } from '../errors';
import { findRouteTarget } from './find-service';

describe('findRouteTarget', () => {
  it.each([
    ['reservas/r-1/confirmar', 'ConfirmarReserva', 'r-1'],
    ['/dev/reservas/r%3A2/liberar', 'LiberarReserva', 'r:2'],
    ['/reservas/{orden_id}/confirmar', 'ConfirmarReserva', undefined],
    ['reservas', 'CrearReserva', undefined],
    ['/dev/transferir-stock', 'TransferirStock', undefined],
    ['orden-venta', 'OrdenVenta', undefined],
  ])('reads %s as %s with id %s', (route, type, ordenId) => {
    const target = findRouteTarget(route);
    expect(target.entry.type).toBe(type);
    expect(target.ordenId).toBe(ordenId);
  });

  it('names the routes there are for one it does not know', () => {
    expect(() => findRouteTarget('reservas/r-1/anular')).toThrow(UnknownNameError);
  });
});
