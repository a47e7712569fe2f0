import { lowStock, type CommandOutcome, type CommandType, type OutcomeLine, type Rejection } from '@inventario/inventory-core';

export type OutcomeEventType = 'StockActualizado' | 'OrdenRechazada' | 'StockBajo';

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
  comando: CommandType;
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

/** An event on `InventarioEventos`. */
export type OutcomeEvent = StockUpdatedEvent | OrderRejectedEvent | LowStockEvent;

export interface OutcomeEventContext {
  correlationId: string;
  occurredAt: Date;
  stockMinimo: number;
}

/**
 * The events that announce a final outcome: `StockActualizado` or `OrdenRechazada`, plus one
 * `StockBajo` per line whose stock went down and ended under the minimum.
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
  if (outcome.estado !== 'APLICADA') return [];
  const lines = outcome.lineas ?? [];
  const low: LowStockEvent[] = lowStock(lines, context.stockMinimo).map((line) => ({
      ...base,
      id: idOf('StockBajo', line.producto_id),
      tipo: 'StockBajo',
      producto_id: line.producto_id,
      stock: line.stock_resultante,
      stock_minimo: context.stockMinimo,
    }));
  return [{ ...base, id: idOf('StockActualizado'), tipo: 'StockActualizado', lineas: lines }, ...low];
}
