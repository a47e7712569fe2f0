import type { OutcomeEvent } from '@inventario/events';
import { commandViolations, eventViolations, reservationViolations, stockViolations } from './invariants';
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

describe('the chaos invariants of locations and holds', () => {
  const now = new Date('2026-01-01T00:10:00Z');
  const located: StoredState = {
    products: [{ producto_id: 'PRO20000002', stock: 10, estado: true, stockUbicacion: { 'TIENDA-1': 4 }, reservado: { CENTRAL: 2 } }],
    ledger: [
      { producto_id: 'PRO20000002', version: 1, orden_id: 'c-2', tipo: 'COMPRA', cantidad: 12 },
      { producto_id: 'PRO20000002', version: 2, orden_id: 't-1', tipo: 'TRANSFERENCIA', cantidad: -4 },
      { producto_id: 'PRO20000002', version: 3, orden_id: 't-1', tipo: 'TRANSFERENCIA', cantidad: 4, ubicacion_id: 'TIENDA-1' },
      { producto_id: 'PRO20000002', version: 5, orden_id: 'r-1', tipo: 'VENTA', cantidad: -2 },
    ],
    records: [
      { comando_id: 'CrearReserva#r-1', tipo: 'CrearReserva', orden_id: 'r-1', estado: 'APLICADA' },
      { comando_id: 'ConfirmarReserva#r-1', tipo: 'ConfirmarReserva', orden_id: 'r-1', estado: 'APLICADA' },
      { comando_id: 'CrearReserva#r-2', tipo: 'CrearReserva', orden_id: 'r-2', estado: 'APLICADA' },
    ],
    reservations: [
      { orden_id: 'r-1', estado: 'CONFIRMADA', expira_en: '2026-01-01T00:01:00Z', lineas: [{ producto_id: 'PRO20000002', ubicacion_id: 'CENTRAL', cantidad: 2 }] },
      { orden_id: 'r-2', estado: 'ACTIVA', expira_en: '2026-01-01T00:15:00Z', lineas: [{ producto_id: 'PRO20000002', ubicacion_id: 'CENTRAL', cantidad: 2 }] },
    ],
  };

  it('hold for counts per location that are the sums of their entries, with held units those of the active holds', () => {
    expect(stockViolations(located)).toEqual([]);
    expect(reservationViolations(located, now, 5000)).toEqual([]);
  });

  it('catch a location whose count is not its ledger, units held that no hold names, and disponible below zero', () => {
    const broken: StoredState = { ...located, products: [{ ...located.products[0]!, stockUbicacion: { 'TIENDA-1': 5 }, reservado: { CENTRAL: 6 } }] };
    expect(stockViolations(broken)).toEqual([
      'PRO20000002 at CENTRAL: stock 5 but its ledger sums to 6',
      'PRO20000002 at CENTRAL: disponible -1 is below zero',
      'PRO20000002 at CENTRAL: 6 held but its ACTIVA holds name 2',
      'PRO20000002 at TIENDA-1: stock 5 but its ledger sums to 4',
    ]);
  });

  it('catch a hold sold without its confirmation, one sold twice, and one left ACTIVA past its expiry', () => {
    const broken: StoredState = {
      ...located,
      ledger: [...located.ledger, { producto_id: 'PRO20000002', version: 6, orden_id: 'r-1', tipo: 'VENTA', cantidad: -2 }],
      records: located.records.filter((record) => record.tipo !== 'ConfirmarReserva'),
    };
    expect(reservationViolations(broken, new Date('2026-01-01T00:20:00Z'), 5000)).toEqual([
      'hold r-1: CONFIRMADA without an applied confirmation',
      'hold r-1: CONFIRMADA, sold [["PRO20000002","CENTRAL",-2],["PRO20000002","CENTRAL",-2]] for its lines [["PRO20000002","CENTRAL",-2]]',
      'hold r-2: still ACTIVA 300 s past its expiry',
    ]);
  });

  it('accept a ReservaExpirada nobody sent only for a hold the sweeper expired', () => {
    const expired: StoredState = { ...located, reservations: [{ ...located.reservations![1]!, estado: 'EXPIRADA' }], records: [located.records[2]!], ledger: [] };
    const event = { ...base, id: 'e', tipo: 'ReservaExpirada' as const, orden_id: 'r-2', comando: 'ExpirarReserva' as const, lineas: [] };
    const created = { ...base, id: 'c', tipo: 'ReservaCreada' as const, orden_id: 'r-2', comando: 'CrearReserva' as const, lineas: [] };
    const hold = [{ type: 'CrearReserva', ordenId: 'r-2' }];
    expect(eventViolations(expired, hold, [created, event])).toEqual([]);
    expect(eventViolations(expired, hold, [created])).toEqual(['hold r-2: EXPIRADA without ReservaExpirada']);
    expect(eventViolations(located, hold, [created, event])).toEqual(['ExpirarReserva#r-2: an outcome event for a command never accepted']);
  });
});
