import type { OutcomeEvent } from '@inventario/events';
import { commandViolations, eventViolations, stockViolations } from './invariants';
import type { StoredState } from './read-state';

const applied: StoredState = {
  products: [{ producto_id: 'PRO20000001', stock: 7, estado: true }],
  ledger: [
    { producto_id: 'PRO20000001', version: 1, orden_id: 'c-1', tipo: 'COMPRA', cantidad: 10 },
    { producto_id: 'PRO20000001', version: 2, orden_id: 'v-1', tipo: 'VENTA', cantidad: -3 },
  ],
  records: [
    { comando_id: 'OrdenCompra#c-1', tipo: 'OrdenCompra', orden_id: 'c-1', estado: 'APLICADA', lineas: [{ producto_id: 'PRO20000001', cantidad: 10, stock_resultante: 10 }] },
    { comando_id: 'OrdenVenta#v-1', tipo: 'OrdenVenta', orden_id: 'v-1', estado: 'APLICADA', lineas: [{ producto_id: 'PRO20000001', cantidad: -3, stock_resultante: 7 }] },
  ],
};
const accepted = [
  { type: 'OrdenCompra', ordenId: 'c-1' },
  { type: 'OrdenVenta', ordenId: 'v-1' },
];
const base = { ocurrido: '2026-01-01T00:00:00Z', correlation_id: 'x' };
const events: OutcomeEvent[] = [
  { ...base, id: '1', tipo: 'StockActualizado', orden_id: 'c-1', comando: 'OrdenCompra', lineas: [{ producto_id: 'PRO20000001', cantidad: 10, stock_resultante: 10 }] },
  { ...base, id: '2', tipo: 'StockActualizado', orden_id: 'v-1', comando: 'OrdenVenta', lineas: [{ producto_id: 'PRO20000001', cantidad: -3, stock_resultante: 7 }] },
];

describe('the chaos invariants', () => {
  it('hold for stock that is the sum of its ledger, with every command final and announced', () => {
    expect(stockViolations(applied)).toEqual([]);
    expect(commandViolations(applied, accepted, new Set())).toEqual([]);
    expect(eventViolations(applied, accepted, events)).toEqual([]);
  });

  it('catch stock that is not the sum of its ledger, stock below zero and an order applied twice', () => {
    const broken: StoredState = {
      ...applied,
      products: [{ producto_id: 'PRO20000001', stock: -1, estado: true }],
      ledger: [...applied.ledger, { producto_id: 'PRO20000001', version: 3, orden_id: 'v-1', tipo: 'VENTA', cantidad: -3 }],
    };
    expect(stockViolations(broken)).toEqual([
      'PRO20000001: stock -1 but its ledger sums to 4',
      'PRO20000001: stock -1 is below zero',
      'PRO20000001 v-1: applied 2 times to the product',
    ]);
  });

  it('accept a pending command only while it sits in a dead-letter queue', () => {
    const pending: StoredState = { ...applied, records: [applied.records[0]!, { ...applied.records[1]!, estado: 'PENDIENTE' }] };
    const withoutLedger = { ...pending, ledger: pending.ledger.filter((entry) => entry.orden_id !== 'v-1'), products: [{ producto_id: 'PRO20000001', stock: 10, estado: true }] };
    expect(commandViolations(withoutLedger, accepted, new Set(['v-1']))).toEqual([]);
    expect(commandViolations(withoutLedger, accepted, new Set())).toEqual(['OrdenVenta v-1: PENDIENTE and not in a dead-letter queue']);
  });

  it('catch a missing outcome event and one that contradicts the record', () => {
    const rejected = { ...base, id: '3', tipo: 'OrdenRechazada' as const, orden_id: 'v-1', comando: 'OrdenVenta' as const, motivo: { codigo: 'STOCK_INSUFICIENTE' as const, mensaje: '' } };
    expect(eventViolations(applied, accepted, [events[0]!])).toEqual(['OrdenVenta#v-1: no outcome event']);
    expect(eventViolations(applied, accepted, [...events, rejected])).toEqual([
      'OrdenVenta#v-1: announced both applied and rejected',
      'OrdenVenta#v-1: OrdenRechazada STOCK_INSUFICIENTE does not match the record (APLICADA )',
    ]);
  });
});
