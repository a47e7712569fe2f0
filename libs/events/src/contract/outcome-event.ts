import { lowStock, type AnyCommandType, type CommandOutcome, type OutcomeLine, type Rejection } from '@inventario/inventory-core';

/** The events of a reservation's life, one per step that applied. */
export const RESERVATION_EVENT_TYPES = ['ReservaCreada', 'ReservaConfirmada', 'ReservaLiberada', 'ReservaExpirada'] as const;
export type ReservationEventType = (typeof RESERVATION_EVENT_TYPES)[number];

export type OutcomeEventType = 'StockActualizado' | 'OrdenRechazada' | 'StockBajo' | ReservationEventType;

interface OutcomeEventBase {
  /**
   * Deterministic: the same outcome published twice (at least once) carries the same id, so other
   * teams can drop repeats.
   */
  id: string;
  tipo: OutcomeEventType;
  ocurrido: string;
  correlation_id: string;
  orden_id: string;
  comando: AnyCommandType;
}

export interface StockUpdatedEvent extends OutcomeEventBase {
  tipo: 'StockActualizado';
  lineas: OutcomeLine[];
}

export interface OrderRejectedEvent extends OutcomeEventBase {
  tipo: 'OrdenRechazada';
  motivo: Rejection;
}

export interface LowStockEvent extends OutcomeEventBase {
  tipo: 'StockBajo';
  producto_id: string;
  stock: number;
  stock_minimo: number;
}

/** A hold made, confirmed or released by a client; `orden_id` is the hold's, `lineas` what the step moved. */
export interface ReservationEvent extends OutcomeEventBase {
  tipo: Exclude<ReservationEventType, 'ReservaExpirada'>;
  lineas: OutcomeLine[];
}

/** One line of a hold as `GET /reservas/{orden_id}` lists it: the units given back at its location. */
export interface HeldLine {
  producto_id: string;
  ubicacion_id: string;
  cantidad: number;
}

/**
 * A hold the sweeper gave back past its expiry (`comando` `ExpirarReserva`). Its `lineas` are the hold's
 * own lines (see `reservationExpiredEvent`): the sweeper may announce it again long after the expiry, when
 * the figures of that moment are gone.
 */
export interface ReservationExpiredEvent extends OutcomeEventBase {
  tipo: 'ReservaExpirada';
  lineas: HeldLine[];
}

/** An event on `InventarioEventos`. */
export type OutcomeEvent = StockUpdatedEvent | OrderRejectedEvent | LowStockEvent | ReservationEvent | ReservationExpiredEvent;

/**
 * The reservation event of each client step; a step that moves stock (a confirmation) also announces
 * `StockActualizado`. The sweeper's `ExpirarReserva` is announced from the hold (`reservationExpiredEvent`).
 */
const RESERVATION_EVENT_OF: Partial<Record<AnyCommandType, ReservationEvent['tipo']>> = {
  CrearReserva: 'ReservaCreada',
  ConfirmarReserva: 'ReservaConfirmada',
  LiberarReserva: 'ReservaLiberada',
};

export interface OutcomeEventContext {
  correlationId: string;
  occurredAt: Date;
  stockMinimo: number;
}

/**
 * The events that announce a final outcome: `StockActualizado` or `OrdenRechazada`, plus one
 * `StockBajo` per line whose stock went down and ended under the minimum. A reservation's step that
 * applied announces its `Reserva*` event, and `StockActualizado` only when it moved stock (a
 * confirmation): a hold and its release change what is available, not the stock.
 */
export function outcomeEvents(outcome: CommandOutcome, context: OutcomeEventContext): OutcomeEvent[] {
  const base = {
    ocurrido: context.occurredAt.toISOString(),
    correlation_id: context.correlationId,
    orden_id: outcome.orden_id,
    comando: outcome.tipo,
  };
  const idOf = (...parts: string[]) => [outcome.tipo, outcome.orden_id, ...parts].join('#');
  if (outcome.estado === 'RECHAZADA' && outcome.motivo) {
    return [{ ...base, id: idOf('OrdenRechazada', outcome.motivo.codigo), tipo: 'OrdenRechazada', motivo: outcome.motivo }];
  }
  if (outcome.estado !== 'APLICADA' || outcome.tipo === 'ExpirarReserva') return [];
  const lines = outcome.lineas ?? [];
  const low: LowStockEvent[] = lowStock(lines, context.stockMinimo).map((line) => ({
      ...base,
      id: idOf('StockBajo', line.producto_id),
      tipo: 'StockBajo',
      producto_id: line.producto_id,
      stock: line.stock_resultante,
      stock_minimo: context.stockMinimo,
    }));
  const step = RESERVATION_EVENT_OF[outcome.tipo];
  const reservation: ReservationEvent[] = step ? [{ ...base, id: idOf(step), tipo: step, lineas: lines }] : [];
  const movedStock = step === undefined || lines.some((line) => line.cantidad !== 0);
  const updated: StockUpdatedEvent[] = movedStock ? [{ ...base, id: idOf('StockActualizado'), tipo: 'StockActualizado', lineas: lines }] : [];
  return [...reservation, ...updated, ...low];
}
