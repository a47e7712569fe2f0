import type { OutcomeEvent } from '@inventario/events';
import type { StoredProduct, StoredRecord, StoredReservation, StoredState } from './read-state';

/** A command the gateway accepted (answered 202). */
export interface AcceptedCommand {
  type: string;
  ordenId: string;
}

const CENTRAL = 'CENTRAL';

/** The ledger entry types and the commands that may write each (a confirmed hold is a sale). */
const COMMANDS_OF_MOVEMENT: Record<string, readonly string[]> = {
  COMPRA: ['OrdenCompra'],
  VENTA: ['OrdenVenta', 'ConfirmarReserva'],
  AJUSTE: ['ActualizarProducto'],
  BAJA: ['EliminarProducto'],
  TRANSFERENCIA: ['TransferirStock'],
};

/** Events that announce an applied step (a rejection is announced by `OrdenRechazada` alone). */
const APPLIED_EVENTS: ReadonlySet<string> = new Set(['StockActualizado', 'ReservaCreada', 'ReservaConfirmada', 'ReservaLiberada', 'ReservaExpirada']);

/**
 * The stock invariants, from the data alone: every product's stock is the sum of its ledger, and so is
 * its stock at each location; no stock, held count or `disponible` anywhere is below zero; what is held
 * at a location is what its ACTIVA holds name; and no `orden_id` has more than one entry per product and
 * location (none applied twice).
 *
 * @returns one sentence per violation; empty when all hold.
 */
export function stockViolations(state: StoredState): string[] {
  const violations: string[] = [];
  const sums = new Map<string, number>();
  const atLocation = new Map<string, number>();
  const perOrder = new Map<string, number>();
  for (const entry of state.ledger) {
    const location = entry.ubicacion_id ?? CENTRAL;
    sums.set(entry.producto_id, (sums.get(entry.producto_id) ?? 0) + entry.cantidad);
    atLocation.set(`${entry.producto_id} ${location}`, (atLocation.get(`${entry.producto_id} ${location}`) ?? 0) + entry.cantidad);
    const key = location === CENTRAL ? `${entry.producto_id} ${entry.orden_id}` : `${entry.producto_id} ${entry.orden_id} at ${location}`;
    perOrder.set(key, (perOrder.get(key) ?? 0) + 1);
  }
  const held = heldByActiveHolds(state.reservations);
  for (const product of state.products) {
    const sum = sums.get(product.producto_id) ?? 0;
    if (product.stock !== sum) violations.push(`${product.producto_id}: stock ${product.stock} but its ledger sums to ${sum}`);
    if (product.stock < 0) violations.push(`${product.producto_id}: stock ${product.stock} is below zero`);
    violations.push(...locationViolations(product, atLocation, held));
  }
  for (const [key, count] of perOrder) if (count > 1) violations.push(`${key}: applied ${count} times to the product`);
  return violations;
}

function locationViolations(product: StoredProduct, ledgerAt: ReadonlyMap<string, number>, held: ReadonlyMap<string, number> | undefined): string[] {
  const violations: string[] = [];
  const counted = product.stockUbicacion ?? {};
  const reserved = product.reservado ?? {};
  const ledgerLocations = [...ledgerAt.keys()].filter((key) => key.startsWith(`${product.producto_id} `)).map((key) => key.slice(product.producto_id.length + 1));
  const locations = new Set([...Object.keys(counted), ...Object.keys(reserved), ...ledgerLocations]);
  locations.delete(CENTRAL);
  if (locations.size === 0 && Object.keys(reserved).length === 0) return violations;
  const others = [...locations].reduce((total, location) => total + (counted[location] ?? 0), 0);
  for (const location of [CENTRAL, ...locations]) {
    const stock = location === CENTRAL ? product.stock - others : (counted[location] ?? 0);
    const reservado = reserved[location] ?? 0;
    const name = `${product.producto_id} at ${location}`;
    const sum = ledgerAt.get(`${product.producto_id} ${location}`) ?? 0;
    if (stock !== sum) violations.push(`${name}: stock ${stock} but its ledger sums to ${sum}`);
    if (stock < 0) violations.push(`${name}: stock ${stock} is below zero`);
    if (reservado < 0) violations.push(`${name}: ${reservado} held is below zero`);
    if (stock - reservado < 0) violations.push(`${name}: disponible ${stock - reservado} is below zero`);
    const holds = held?.get(`${product.producto_id} ${location}`) ?? 0;
    if (held && reservado !== holds) violations.push(`${name}: ${reservado} held but its ACTIVA holds name ${holds}`);
  }
  return violations;
}

function heldByActiveHolds(reservations: readonly StoredReservation[] | undefined): Map<string, number> | undefined {
  if (!reservations) return undefined;
  const held = new Map<string, number>();
  for (const reservation of reservations) {
    if (reservation.estado !== 'ACTIVA') continue;
    for (const line of reservation.lineas) held.set(`${line.producto_id} ${line.ubicacion_id}`, (held.get(`${line.producto_id} ${line.ubicacion_id}`) ?? 0) + Number(line.cantidad));
  }
  return held;
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
    const candidates = (COMMANDS_OF_MOVEMENT[entry.tipo] ?? []).map((type) => records.get(`${type}#${entry.orden_id}`));
    if (!candidates.some((record) => record?.estado === 'APLICADA')) {
      violations.push(`${entry.producto_id}: ledger entry of ${entry.orden_id} (${entry.tipo}) whose command is ${candidates.find(Boolean)?.estado ?? 'unknown'}`);
    }
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
 * The reservation invariants: each hold ended as its steps say (CONFIRMADA: its confirmation applied
 * and one sale entry per line, of its units at its location; LIBERADA: its release applied, no sale;
 * EXPIRADA: no step applied, no sale), none is left ACTIVA more than `graceMs` past its expiry, and an
 * applied hold has its reservation while a refused one has none.
 */
export function reservationViolations(state: StoredState, now: Date, graceMs: number): string[] {
  const violations: string[] = [];
  const records = recordsByKey(state.records);
  const applied = (type: string, id: string): boolean => records.get(`${type}#${id}`)?.estado === 'APLICADA';
  const holds = new Map((state.reservations ?? []).map((reservation) => [reservation.orden_id, reservation]));
  for (const reservation of holds.values()) {
    const id = reservation.orden_id;
    const sales = state.ledger.filter((entry) => entry.tipo === 'VENTA' && entry.orden_id === id);
    const confirmed = applied('ConfirmarReserva', id);
    const released = applied('LiberarReserva', id);
    if (confirmed && released) violations.push(`hold ${id}: both confirmed and released`);
    if (reservation.estado === 'CONFIRMADA') {
      if (!confirmed) violations.push(`hold ${id}: CONFIRMADA without an applied confirmation`);
      const expected = JSON.stringify(reservation.lineas.map((line) => [line.producto_id, line.ubicacion_id, -Number(line.cantidad)]).sort());
      const written = JSON.stringify(sales.map((entry) => [entry.producto_id, entry.ubicacion_id ?? CENTRAL, entry.cantidad]).sort());
      if (expected !== written) violations.push(`hold ${id}: CONFIRMADA, sold ${written} for its lines ${expected}`);
    } else if (sales.length > 0) violations.push(`hold ${id}: ${reservation.estado} with ${sales.length} sale entries`);
    if (reservation.estado === 'LIBERADA' && !released) violations.push(`hold ${id}: LIBERADA without an applied release`);
    if (reservation.estado === 'EXPIRADA' && (confirmed || released)) violations.push(`hold ${id}: EXPIRADA after a step applied`);
    if (reservation.estado === 'ACTIVA' && Date.parse(reservation.expira_en) < now.getTime() - graceMs) {
      violations.push(`hold ${id}: still ACTIVA ${Math.round((now.getTime() - Date.parse(reservation.expira_en)) / 1000)} s past its expiry`);
    }
  }
  for (const record of state.records) {
    if (record.tipo !== 'CrearReserva') continue;
    if (record.estado === 'APLICADA' && !holds.has(record.orden_id)) violations.push(`hold ${record.orden_id}: applied, but no reservation`);
    if (record.estado === 'RECHAZADA' && holds.has(record.orden_id)) violations.push(`hold ${record.orden_id}: refused, but a reservation exists`);
  }
  return violations;
}

/**
 * The outcome events match the outcomes: each accepted command has events of one kind only (applied:
 * `StockActualizado` and its `Reserva*` event, with the record's lines; or `OrdenRechazada` with the
 * record's code), each hold the sweeper expired has its `ReservaExpirada`, and no event announces a
 * command that was not accepted.
 */
export function eventViolations(state: StoredState, accepted: readonly AcceptedCommand[], events: readonly OutcomeEvent[]): string[] {
  const violations: string[] = [];
  const records = recordsByKey(state.records);
  const holds = new Map((state.reservations ?? []).map((reservation) => [reservation.orden_id, reservation]));
  const finals = new Map<string, OutcomeEvent[]>();
  for (const event of events) {
    if (event.tipo === 'StockBajo') continue;
    const key = `${event.comando}#${event.orden_id}`;
    finals.set(key, [...(finals.get(key) ?? []), event]);
  }
  const acceptedKeys = new Set(accepted.map((command) => `${command.type}#${command.ordenId}`));
  for (const [key, announced] of finals) {
    if (acceptedKeys.has(key)) continue;
    const expiry = announced.every((event) => event.tipo === 'ReservaExpirada') && holds.get(announced[0]?.orden_id ?? '')?.estado === 'EXPIRADA';
    if (!expiry) violations.push(`${key}: an outcome event for a command never accepted`);
  }
  for (const hold of holds.values()) {
    if (hold.estado === 'EXPIRADA' && !finals.has(`ExpirarReserva#${hold.orden_id}`)) violations.push(`hold ${hold.orden_id}: EXPIRADA without ReservaExpirada`);
  }
  for (const key of acceptedKeys) {
    const record = records.get(key);
    const announced = finals.get(key) ?? [];
    if (announced.length === 0) {
      violations.push(`${key}: no outcome event`);
      continue;
    }
    const kinds = new Set(announced.map((event) => (APPLIED_EVENTS.has(event.tipo) ? 'applied' : 'rejected')));
    if (kinds.size > 1) violations.push(`${key}: announced both applied and rejected`);
    for (const event of announced) {
      if (event.tipo === 'OrdenRechazada') {
        if (record?.estado !== 'RECHAZADA' || event.motivo.codigo !== record.motivo?.codigo) {
          violations.push(`${key}: OrdenRechazada ${event.motivo.codigo} does not match the record (${record?.estado} ${record?.motivo?.codigo ?? ''})`);
        }
      } else if (event.tipo !== 'ReservaExpirada' && 'lineas' in event && (record?.estado !== 'APLICADA' || !sameLines(event.lineas, record.lineas ?? []))) {
        violations.push(`${key}: ${event.tipo} does not match the record (${record?.estado})`);
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
