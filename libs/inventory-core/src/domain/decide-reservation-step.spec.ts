import type { Reservation } from '../reservation';
import { decide } from './decide';
import { decideHold } from './decide-hold';
import { decideReservationStep } from './decide-reservation-step';
import { decideTransfer } from './decide-transfer';
import { locationStock, productLocations } from './location-stock';
import type { VersionedProduct } from './types';

const now = new Date('2026-01-01T00:00:00.000Z');
const product: VersionedProduct = {
  producto_id: 'PRO001',
  nombre: 'Martillo',
  precio: 10,
  estado: true,
  stock: 10,
  version: 4,
  porUbicacion: { stock: { 'TIENDA-01': 3 }, reservado: { CENTRAL: 2 } },
};
const states = new Map([['PRO001', product]]);
const active: Reservation = {
  ordenId: 'r-1',
  estado: 'ACTIVA',
  lines: [{ productoId: 'PRO001', cantidad: 2, ubicacionId: 'CENTRAL' }],
  creada: '2025-12-31T23:50:00.000Z',
  expiraEn: '2026-01-01T00:05:00.000Z',
  correlationId: 'c-1',
};

describe('stock per location', () => {
  it('counts CENTRAL as the rest of the total, net of what is held there', () => {
    expect(locationStock(product, 'CENTRAL')).toEqual({ ubicacion_id: 'CENTRAL', stock: 7, reservado: 2, disponible: 5 });
    expect(productLocations(product).map((location) => location.ubicacion_id)).toEqual(['CENTRAL', 'TIENDA-01']);
  });
});

describe('decideTransfer', () => {
  it('takes from one location and gives to the other, with consecutive versions and the total unchanged', () => {
    const decision = decideTransfer({ type: 'TransferirStock', productoId: 'PRO001', desde: 'TIENDA-01', hacia: 'TIENDA-02', cantidad: 3 }, states);
    expect(decision).toMatchObject({
      kind: 'apply',
      changes: [
        { ubicacionId: 'TIENDA-01', delta: -3, expectedVersion: 4, newVersion: 5, stockResultante: 7, locationAfter: { stock: 0 }, movement: 'TRANSFERENCIA' },
        { ubicacionId: 'TIENDA-02', delta: 3, expectedVersion: 5, newVersion: 6, stockResultante: 10, locationAfter: { stock: 3 }, movement: 'TRANSFERENCIA' },
      ],
    });
  });

  it('cannot move held units', () => {
    const decision = decideTransfer({ type: 'TransferirStock', productoId: 'PRO001', desde: 'CENTRAL', hacia: 'TIENDA-01', cantidad: 6 }, states);
    expect(decision).toMatchObject({ kind: 'reject', rejection: { codigo: 'STOCK_INSUFICIENTE', mensaje: 'PRO001: disponible 5 (stock 7, reservado 2), pedido 6' } });
  });
});

describe('decideHold', () => {
  it('holds out of disponible, changing no stock, with the expiry counted from now', () => {
    const decision = decideHold({ type: 'CrearReserva', lines: [{ productoId: 'PRO001', cantidad: 5, ubicacionId: 'CENTRAL' }], expiraEnS: 60 }, states, 'r-2', now, 'c-2');
    expect(decision).toMatchObject({
      kind: 'apply',
      changes: [{ delta: 0, reservedDelta: 5, movement: undefined, locationAfter: { stock: 7, reservado: 7 } }],
      reservation: { kind: 'create', reservation: { ordenId: 'r-2', estado: 'ACTIVA', expiraEn: '2026-01-01T00:01:00.000Z' } },
    });
  });

  it('refuses a hold beyond disponible and one of an inactive product, the gravest code first', () => {
    const inactive = new Map([['PRO001', { ...product, estado: false }]]);
    expect(decideHold({ type: 'CrearReserva', lines: [{ productoId: 'PRO001', cantidad: 6, ubicacionId: 'CENTRAL' }], expiraEnS: 60 }, states, 'r', now, 'c')).toMatchObject({
      kind: 'reject',
      rejection: { codigo: 'STOCK_INSUFICIENTE' },
    });
    expect(decideHold({ type: 'CrearReserva', lines: [{ productoId: 'PRO001', cantidad: 1, ubicacionId: 'CENTRAL' }], expiraEnS: 60 }, inactive, 'r', now, 'c')).toMatchObject({
      kind: 'reject',
      rejection: { codigo: 'PRODUCTO_INACTIVO' },
    });
  });
});

describe('decideReservationStep', () => {
  it('confirms an active hold into a sale of its held units', () => {
    expect(decideReservationStep({ type: 'ConfirmarReserva' }, 'r-1', active, states, now)).toMatchObject({
      kind: 'apply',
      changes: [{ delta: -2, reservedDelta: -2, movement: 'VENTA', locationAfter: { stock: 5, reservado: 0 } }],
      reservation: { kind: 'settle', ordenId: 'r-1', to: 'CONFIRMADA' },
    });
  });

  it('releases and expires without moving stock', () => {
    const later = new Date('2026-01-01T00:05:00.000Z');
    expect(decideReservationStep({ type: 'LiberarReserva' }, 'r-1', active, states, now)).toMatchObject({ kind: 'apply', changes: [{ delta: 0, reservedDelta: -2 }], reservation: { to: 'LIBERADA' } });
    expect(decideReservationStep({ type: 'ExpirarReserva' }, 'r-1', active, states, later)).toMatchObject({ kind: 'apply', reservation: { to: 'EXPIRADA' } });
  });

  it('refuses what the hold no longer allows', () => {
    const later = new Date('2026-01-01T00:05:00.000Z');
    const code = (type: 'ConfirmarReserva' | 'LiberarReserva' | 'ExpirarReserva', reservation: Reservation | undefined, at = now) => {
      const decision = decideReservationStep({ type }, 'r-1', reservation, states, at);
      return decision.kind === 'reject' ? decision.rejection.codigo : 'APLICADA';
    };
    expect(code('ConfirmarReserva', undefined)).toBe('RESERVA_NO_EXISTE');
    expect(code('ConfirmarReserva', active, later)).toBe('RESERVA_EXPIRADA');
    expect(code('LiberarReserva', active, later)).toBe('APLICADA');
    expect(code('ExpirarReserva', active)).toBe('RESERVA_NO_ACTIVA');
    expect(code('LiberarReserva', { ...active, estado: 'CONFIRMADA' })).toBe('RESERVA_NO_ACTIVA');
    expect(code('ConfirmarReserva', { ...active, estado: 'EXPIRADA' })).toBe('RESERVA_EXPIRADA');
  });

  it('is what decide answers for the steps, given the reservations read', () => {
    const decision = decide({ type: 'ConfirmarReserva' }, states, { ordenId: 'r-1', reservations: new Map([['r-1', active]]), now, correlationId: 'c' });
    expect(decision.kind).toBe('apply');
  });
});
