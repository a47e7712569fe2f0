import { outcomeEvents } from './outcome-event';

const context = { correlationId: 'corr-1', occurredAt: new Date('2026-01-01T00:00:00Z'), stockMinimo: 5 };

describe('outcome events', () => {
  it('announce an applied command as StockActualizado with its lines', () => {
    const lineas = [{ producto_id: 'PRO001', cantidad: 10, stock_resultante: 10 }];
    const events = outcomeEvents({ orden_id: 'o1', tipo: 'OrdenCompra', estado: 'APLICADA', lineas }, context);
    expect(events).toEqual([
      {
        id: 'OrdenCompra#o1#StockActualizado',
        tipo: 'StockActualizado',
        ocurrido: '2026-01-01T00:00:00.000Z',
        correlation_id: 'corr-1',
        orden_id: 'o1',
        comando: 'OrdenCompra',
        lineas,
      },
    ]);
  });

  it('announce a rejection as OrdenRechazada with its motivo', () => {
    const motivo = { codigo: 'STOCK_INSUFICIENTE' as const, mensaje: 'PRO001: stock 0, pedido 1' };
    const [event, ...rest] = outcomeEvents({ orden_id: 'o2', tipo: 'OrdenVenta', estado: 'RECHAZADA', motivo }, context);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ tipo: 'OrdenRechazada', motivo, orden_id: 'o2', correlation_id: 'corr-1' });
  });

  it('add StockBajo for each line that went down and ended under STOCK_MINIMO', () => {
    const events = outcomeEvents(
      {
        orden_id: 'o3',
        tipo: 'OrdenVenta',
        estado: 'APLICADA',
        lineas: [
          { producto_id: 'PRO001', cantidad: -3, stock_resultante: 4 },
          { producto_id: 'PRO002', cantidad: -1, stock_resultante: 5 },
        ],
      },
      context,
    );
    expect(events.map((e) => e.tipo)).toEqual(['StockActualizado', 'StockBajo']);
    expect(events[1]).toMatchObject({ producto_id: 'PRO001', stock: 4, stock_minimo: 5, id: 'OrdenVenta#o3#StockBajo#PRO001' });
  });

  it('never announce StockBajo for stock that went up', () => {
    const events = outcomeEvents(
      { orden_id: 'o4', tipo: 'OrdenCompra', estado: 'APLICADA', lineas: [{ producto_id: 'PRO001', cantidad: 2, stock_resultante: 2 }] },
      context,
    );
    expect(events.map((e) => e.tipo)).toEqual(['StockActualizado']);
  });

  it('give the same ids when the same outcome is announced twice', () => {
    const outcome = { orden_id: 'o5', tipo: 'OrdenVenta' as const, estado: 'APLICADA' as const, lineas: [] };
    expect(outcomeEvents(outcome, context).map((e) => e.id)).toEqual(outcomeEvents(outcome, { ...context, occurredAt: new Date() }).map((e) => e.id));
  });

  it('announce nothing for a command still pending', () => {
    expect(outcomeEvents({ orden_id: 'o6', tipo: 'OrdenVenta', estado: 'PENDIENTE' }, context)).toEqual([]);
  });
});
