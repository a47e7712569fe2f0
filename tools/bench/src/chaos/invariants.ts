import type { OutcomeEvent } from '@inventario/events';
import type { StoredRecord, StoredState } from './read-state';

/** A command the gateway accepted (answered 202). */
export interface AcceptedCommand {
  type: string;
  ordenId: string;
}

/** The ledger entry types and the command that writes each. */
const COMMAND_OF_MOVEMENT: Record<string, string> = {
  COMPRA: 'OrdenCompra',
  VENTA: 'OrdenVenta',
  AJUSTE: 'ActualizarProducto',
  BAJA: 'EliminarProducto',
};

/**
 * The stock invariants, from the data alone: every product's stock is the sum of its ledger, no stock is
 * below zero, and no `orden_id` has more than one entry in a product's ledger (none applied twice).
 *
 * @returns one sentence per violation; empty when all hold.
 */
export function stockViolations(state: StoredState): string[] {
  const violations: string[] = [];
  const sums = new Map<string, number>();
  const perOrder = new Map<string, number>();
  for (const entry of state.ledger) {
    sums.set(entry.producto_id, (sums.get(entry.producto_id) ?? 0) + entry.cantidad);
    const key = `${entry.producto_id} ${entry.orden_id}`;
    perOrder.set(key, (perOrder.get(key) ?? 0) + 1);
  }
  for (const product of state.products) {
    const sum = sums.get(product.producto_id) ?? 0;
    if (product.stock !== sum) violations.push(`${product.producto_id}: stock ${product.stock} but its ledger sums to ${sum}`);
    if (product.stock < 0) violations.push(`${product.producto_id}: stock ${product.stock} is below zero`);
  }
  for (const [key, count] of perOrder) if (count > 1) violations.push(`${key}: applied ${count} times to the product`);
  return violations;
}

/**
 * Every accepted command ends APLICADA or RECHAZADA, or (before the replay) sits in a dead-letter queue;
 * every ledger entry belongs to an applied command, and every line of an applied sale or purchase has
 * its entry.
 */
export function commandViolations(state: StoredState, accepted: readonly AcceptedCommand[], inDeadLetters: ReadonlySet<string>): string[] {
  const violations: string[] = [];
  const records = recordsByKey(state.records);
  for (const command of accepted) {
    const record = records.get(`${command.type}#${command.ordenId}`);
    const final = record?.estado === 'APLICADA' || record?.estado === 'RECHAZADA';
    if (!final && !inDeadLetters.has(command.ordenId)) {
      violations.push(`${command.type} ${command.ordenId}: ${record ? record.estado : 'no record'} and not in a dead-letter queue`);
    }
  }
  const entries = new Set(state.ledger.map((entry) => `${entry.producto_id} ${entry.orden_id}`));
  for (const entry of state.ledger) {
    if (entry.orden_id.startsWith('seed-')) continue;
    const record = records.get(`${COMMAND_OF_MOVEMENT[entry.tipo] ?? '?'}#${entry.orden_id}`);
    if (record?.estado !== 'APLICADA') violations.push(`${entry.producto_id}: ledger entry of ${entry.orden_id} (${entry.tipo}) whose command is ${record?.estado ?? 'unknown'}`);
  }
  for (const record of state.records) {
    if (record.estado !== 'APLICADA' || (record.tipo !== 'OrdenVenta' && record.tipo !== 'OrdenCompra')) continue;
    for (const line of record.lineas ?? []) {
      if (!entries.has(`${line.producto_id} ${record.orden_id}`)) violations.push(`${record.tipo} ${record.orden_id}: no ledger entry on ${line.producto_id}`);
    }
  }
  return violations;
}

/**
 * The outcome events match the outcomes: each accepted command has exactly one kind of final event
 * (`StockActualizado` for APLICADA with the same lines, `OrdenRechazada` for RECHAZADA with the same
 * code), and no event announces a command that was not accepted.
 */
export function eventViolations(state: StoredState, accepted: readonly AcceptedCommand[], events: readonly OutcomeEvent[]): string[] {
  const violations: string[] = [];
  const records = recordsByKey(state.records);
  const finals = new Map<string, OutcomeEvent[]>();
  for (const event of events) {
    if (event.tipo === 'StockBajo') continue;
    const key = `${event.comando}#${event.orden_id}`;
    finals.set(key, [...(finals.get(key) ?? []), event]);
  }
  const acceptedKeys = new Set(accepted.map((command) => `${command.type}#${command.ordenId}`));
  for (const key of finals.keys()) if (!acceptedKeys.has(key)) violations.push(`${key}: an outcome event for a command never accepted`);
  for (const key of acceptedKeys) {
    const record = records.get(key);
    const announced = finals.get(key) ?? [];
    const kinds = new Set(announced.map((event) => event.tipo));
    if (announced.length === 0) {
      violations.push(`${key}: no outcome event`);
      continue;
    }
    if (kinds.size > 1) violations.push(`${key}: announced both applied and rejected`);
    for (const event of announced) {
      if (event.tipo === 'StockActualizado' && (record?.estado !== 'APLICADA' || !sameLines(event.lineas, record.lineas ?? []))) {
        violations.push(`${key}: StockActualizado does not match the record (${record?.estado})`);
      }
      if (event.tipo === 'OrdenRechazada' && (record?.estado !== 'RECHAZADA' || event.motivo.codigo !== record.motivo?.codigo)) {
        violations.push(`${key}: OrdenRechazada ${event.motivo.codigo} does not match the record (${record?.estado} ${record?.motivo?.codigo ?? ''})`);
      }
    }
  }
  return violations;
}

function recordsByKey(records: readonly StoredRecord[]): Map<string, StoredRecord> {
  return new Map(records.map((record) => [record.comando_id, record]));
}

function sameLines(a: readonly { producto_id: string; cantidad: number; stock_resultante: number }[], b: readonly { producto_id: string; cantidad: number; stock_resultante: number }[]): boolean {
  const text = (lines: typeof a): string => JSON.stringify(lines.map((line) => [line.producto_id, Number(line.cantidad), Number(line.stock_resultante)]));
  return text(a) === text(b);
}
