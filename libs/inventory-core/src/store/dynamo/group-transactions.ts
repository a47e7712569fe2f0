import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { DEFAULT_LOCATION, isInternalCommand, isReservationCommand, type StoreCommand } from '../../command';
import { outcomeLines } from '../../domain/outcome-lines';
import { stateAfter } from '../../domain/state-after';
import type { Decision, LineChange, ProductStates } from '../../domain/types';
import type { CommandOutcome } from '../../outcome';
import type { ApplyContext } from '../../ports';
import type { ReservationStates } from '../../reservation';
import type { TableNames } from '../tables';
import { n, s, type Item } from './attributes';
import { commandKey } from './command-record';
import { PACKED_ENTRIES } from './ledger-item';
import { productItem } from './product-write';
import { reservationCheck, reservationCreate, reservationSettle } from './reservation-item';

/** `orden_id` of the opening entry written for a product that predates the ledger (see below). */
export const OPENING_BALANCE_ORDER = 'saldo-inicial';

/** DynamoDB's limit of items per `TransactWriteItems`. */
export const MAX_TRANSACTION_ITEMS = 100;

/** A command of a group, decided against the state the commands before it leave. */
export interface DecidedCommand {
  /** Its position in the caller's batch. */
  index: number;
  command: StoreCommand;
  context: ApplyContext;
  decision: Decision;
  /** When the command was first recorded: kept from a PENDIENTE record, else its `acceptedAt`, else now. */
  recibida: string;
  /**
   * Set when the command was decided without reading its record: the write then takes the place only of
   * no record or of its own PENDIENTE one accepted since `acceptedSince` (younger than its lifetime),
   * keeping that one's `recibida`. Any other record cancels the transaction, to be read and decided again.
   */
  unreadRecord?: { acceptedSince: string };
  /** The products it read (for a reservation's step, those of the hold). */
  productIds: readonly string[];
}

/** What an item of a group transaction writes, to read its cancellation reason. */
export type GroupItemKind = 'record' | 'product' | 'ledger' | 'reservation';

/** One `TransactWriteItems` of a group and the outcomes it records. */
export interface GroupTransaction {
  /** Empty when its commands write nothing at all (a sweeper's step that no longer applies). */
  items: TransactWriteItem[];
  /** `kinds[i]` is what `items[i]` writes (cancellation reasons come in the order of the items). */
  kinds: GroupItemKind[];
  /** The commands it records, with their outcomes. */
  members: { index: number; outcome: CommandOutcome }[];
  /** The state of each product it writes or checks, once it has committed. */
  after: ProductStates;
}


/**
 * Packs a group of decided commands, in order, into as few `TransactWriteItems` as the 100-item limit
 * allows. Each holds, per product it touches, ONE item: an Update by the sum of its commands' deltas
 * (total and per location) with `version + <number of changes>`, conditioned on the version the
 * transaction starts from (or a Put creating it, or a ConditionCheck when only refusals read it), and
 * ONE ledger item holding the entries of its changes (each keyed by its change's own version, so each
 * `stock_resultante` is exact and in order; see `ledgerPut`); per command its record, and for a
 * reservation's step the hold's item (made, settled only if still ACTIVA, or checked as read for a
 * refusal). The transactions are meant to be written one after the
 * other: each starts from the state the previous one leaves, and a cancelled one cancels the rest.
 *
 * A refusal is recorded only if the state it was decided from still holds, as for a single command. The
 * system's own commands (the sweeper's expiry) have no record: one that no longer applies writes nothing.
 */
export function groupTransactions(
  tables: TableNames,
  decided: readonly DecidedCommand[],
  read: ProductStates,
  reservations: ReservationStates = new Map(),
): GroupTransaction[] {
  const transactions: GroupTransaction[] = [];
  let start = read;
  let members: DecidedCommand[] = [];
  let products = new Set<string>();
  /** The products that have a ledger item in the transaction being filled. */
  let ledgered = new Set<string>();
  let count = 0;
  const close = (): void => {
    if (members.length === 0) return;
    const transaction = buildTransaction(tables, members, start, reservations);
    start = stateAfter(start, members.flatMap((member) => changesOf(member.decision)));
    const after = start;
    transactions.push({ ...transaction, after: new Map([...products].map((id) => [id, after.get(id)])) });
    members = [];
    products = new Set();
    ledgered = new Set();
    count = 0;
  };
  for (const member of decided) {
    const cost = (): number =>
      writesNothing(member) ? 0 : itemCount(member, ledgered) + member.productIds.filter((id) => !products.has(id)).length;
    if (count + cost() > MAX_TRANSACTION_ITEMS) close();
    count += cost();
    members.push(member);
    if (writesNothing(member)) continue;
    for (const id of member.productIds) products.add(id);
    for (const change of changesOf(member.decision)) if (change.movement !== undefined) ledgered.add(change.productoId);
  }
  close();
  return transactions;
}

function changesOf(decision: Decision): LineChange[] {
  return decision.kind === 'apply' ? decision.changes : [];
}

/** A system command that no longer applies: no record, no check, nothing. */
function writesNothing(member: DecidedCommand): boolean {
  return isInternalCommand(member.command) && member.decision.kind === 'reject';
}

/**
 * Items a command adds besides its products: record, hold, opening entries, and a ledger item for each
 * product whose entries have none yet in this transaction (`ledgered`): the entries of one product in
 * one transaction share one item.
 */
function itemCount(member: DecidedCommand, ledgered: ReadonlySet<string>): number {
  const record = isInternalCommand(member.command) ? 0 : 1;
  const hold = touchesHold(member) ? 1 : 0;
  const changes = changesOf(member.decision);
  const openings = changes.filter((change) => change.expectedVersion === 0).length;
  const ledgerItems = new Set(changes.filter((change) => change.movement !== undefined && !ledgered.has(change.productoId)).map((change) => change.productoId)).size;
  return record + hold + openings + ledgerItems;
}

/**
 * Whether a command writes or checks its hold: a reservation's steps do (made, settled, or checked as
 * read for a refusal); a refused hold made nothing, and its record alone keeps its id.
 */
function touchesHold(member: DecidedCommand): boolean {
  const { command, decision } = member;
  if (!isReservationCommand(command) || writesNothing(member)) return false;
  if (decision.kind === 'reject') return command.type !== 'CrearReserva';
  return decision.reservation !== undefined;
}

function reservationItem(tables: TableNames, member: DecidedCommand, reservations: ReservationStates): TransactWriteItem {
  const { command, decision } = member;
  if (decision.kind === 'reject' || !decision.reservation) return reservationCheck(tables, command.ordenId, reservations.get(command.ordenId));
  const change = decision.reservation;
  return change.kind === 'create' ? reservationCreate(tables, change.reservation) : reservationSettle(tables, change.ordenId, change.to, member.context.now);
}

function buildTransaction(tables: TableNames, members: readonly DecidedCommand[], start: ProductStates, reservations: ReservationStates): Omit<GroupTransaction, 'after'> {
  const items: TransactWriteItem[] = [];
  const kinds: GroupItemKind[] = [];
  const add = (kind: GroupItemKind, item: TransactWriteItem): void => {
    items.push(item);
    kinds.push(kind);
  };
  const now = members[0]?.context.now ?? new Date();
  const outcomes = members.map((member) => {
    const outcome = outcomeOf(member.command, member.decision);
    if (!isInternalCommand(member.command)) add('record', commandRecordWrite(tables, member, outcome));
    if (touchesHold(member)) add('reservation', reservationItem(tables, member, reservations));
    return { index: member.index, outcome };
  });

  const changesByProduct = new Map<string, LineChange[]>();
  for (const member of members) {
    if (writesNothing(member)) continue;
    for (const id of member.productIds) if (!changesByProduct.has(id)) changesByProduct.set(id, []);
    for (const change of changesOf(member.decision)) changesByProduct.get(change.productoId)?.push(change);
  }
  for (const [id, changes] of changesByProduct) add('product', productItem(tables.products, now, id, start.get(id), changes));

  const entriesByProduct = new Map<string, LedgerWrite[]>();
  for (const member of members) {
    for (const change of changesOf(member.decision)) {
      if (change.expectedVersion === 0) {
        // A product from before this store has stock no entry explains. Its first change here records that
        // stock as an opening entry (version 0), which the version condition makes exact, so the stock
        // stays the sum of the ledger.
        const opening = start.get(change.productoId)?.stock ?? 0;
        add('ledger', ledgerPut(tables.ledger, change.productoId, [{ version: 0, ordenId: OPENING_BALANCE_ORDER, tipo: 'AJUSTE', cantidad: opening, stockResultante: opening, ubicacionId: DEFAULT_LOCATION, now: member.context.now }]));
      }
      if (change.movement !== undefined) {
        const entries = entriesByProduct.get(change.productoId) ?? [];
        entriesByProduct.set(change.productoId, entries);
        entries.push({
          version: change.newVersion,
          ordenId: member.command.ordenId,
          tipo: change.movement,
          cantidad: change.delta,
          stockResultante: change.stockResultante,
          ubicacionId: change.ubicacionId ?? DEFAULT_LOCATION,
          now: member.context.now,
        });
      }
    }
  }
  for (const [id, entries] of entriesByProduct) add('ledger', ledgerPut(tables.ledger, id, entries));
  return { items, kinds, members: outcomes };
}

function outcomeOf(command: StoreCommand, decision: Decision): CommandOutcome {
  const base = { orden_id: command.ordenId, tipo: command.type };
  if (decision.kind === 'reject') return { ...base, estado: 'RECHAZADA', motivo: decision.rejection };
  return { ...base, estado: 'APLICADA', lineas: outcomeLines(decision.changes) };
}

/**
 * The command record, written once: where none is there yet, or in place of its own PENDIENTE one (same
 * fingerprint), so no command applies twice. Decided without reading the record (`unreadRecord`), the
 * pending one must also be younger than its lifetime. A Put whenever the record's `recibida` is known
 * (read, or the gateway's `acceptedAt`): DynamoDB Local spends about a third more on a transaction of
 * 90 such Updates than of 90 Puts (it parses each update expression), and a hot product's drain is a
 * series of such transactions. Otherwise the Update, which keeps the pending record's `recibida`.
 */
function commandRecordWrite(tables: TableNames, member: DecidedCommand, outcome: CommandOutcome): TransactWriteItem {
  const { unreadRecord } = member;
  if (unreadRecord && member.context.acceptedAt === undefined) return commandRecordUpdate(tables, member, outcome, unreadRecord.acceptedSince);
  return commandRecordPut(tables, member, outcome, unreadRecord?.acceptedSince);
}

function commandRecordPut(tables: TableNames, member: DecidedCommand, outcome: CommandOutcome, acceptedSince: string | undefined): TransactWriteItem {
  const { command, context, recibida } = member;
  const young = acceptedSince === undefined ? '' : ' AND (attribute_not_exists(recibida) OR recibida >= :since)';
  return {
    Put: {
      TableName: tables.commands,
      Item: { comando_id: s(commandKey(command.type, command.ordenId)), ...recordAttributes(member, outcome), recibida: s(recibida) },
      ConditionExpression: `attribute_not_exists(comando_id) OR (#estado = :pendiente AND huella = :huella${young})`,
      ExpressionAttributeNames: { '#estado': 'estado' },
      ExpressionAttributeValues: {
        ':pendiente': s('PENDIENTE'),
        ':huella': s(context.fingerprint),
        ...(acceptedSince !== undefined && { ':since': s(acceptedSince) }),
      },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/**
 * The same record written without having read it: an Update that keeps the `recibida` of a PENDIENTE
 * record there, and whose condition also refuses an expired one (accepted before `acceptedSince`).
 * ISO times compare as strings; a record without `recibida` never expires, as when read.
 */
function commandRecordUpdate(tables: TableNames, member: DecidedCommand, outcome: CommandOutcome, acceptedSince: string): TransactWriteItem {
  const { command, context, recibida } = member;
  const fields = Object.entries(recordAttributes(member, outcome));
  return {
    Update: {
      TableName: tables.commands,
      Key: { comando_id: s(commandKey(command.type, command.ordenId)) },
      UpdateExpression: `SET ${[...fields.map(([name]) => `#${name} = :${name}`), '#recibida = if_not_exists(#recibida, :recibida)'].join(', ')}`,
      ConditionExpression: 'attribute_not_exists(comando_id) OR (#estado = :pendiente AND #huella = :huella AND (attribute_not_exists(#recibida) OR #recibida >= :since))',
      ExpressionAttributeNames: Object.fromEntries([...fields.map(([name]) => name), 'recibida'].map((name) => [`#${name}`, name])),
      ExpressionAttributeValues: {
        // `:huella` is both the value set and the one the condition compares: the command's fingerprint.
        ...Object.fromEntries(fields.map(([name, value]) => [`:${name}`, value])),
        ':pendiente': s('PENDIENTE'),
        ':huella': s(context.fingerprint),
        ':recibida': s(recibida),
        ':since': s(acceptedSince),
      },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** A final record's attributes but its key and `recibida`. */
function recordAttributes({ command, context }: DecidedCommand, outcome: CommandOutcome): Item {
  const item: Item = {
    tipo: s(command.type),
    orden_id: s(command.ordenId),
    huella: s(context.fingerprint),
    estado: s(outcome.estado),
    correlation_id: s(context.correlationId),
    resuelta: s(context.now.toISOString()),
  };
  if (outcome.motivo) item['motivo'] = { M: { codigo: s(outcome.motivo.codigo), mensaje: s(outcome.motivo.mensaje) } };
  if (outcome.lineas) item['lineas'] = { L: outcome.lineas.map((line) => ({ M: outcomeLineItem(line) })) };
  return item;
}

function outcomeLineItem(line: NonNullable<CommandOutcome['lineas']>[number]): Item {
  const item: Item = { producto_id: s(line.producto_id), cantidad: n(line.cantidad), stock_resultante: n(line.stock_resultante) };
  if (line.ubicacion_id !== undefined) item['ubicacion_id'] = s(line.ubicacion_id);
  for (const field of ['stock_ubicacion', 'reservado', 'disponible'] as const) {
    const value = line[field];
    if (value !== undefined) item[field] = n(value);
  }
  return item;
}

/** One ledger entry to write: the product version it makes, and what the contract lists of it. */
interface LedgerWrite {
  version: number;
  ordenId: string;
  tipo: string;
  cantidad: number;
  stockResultante: number;
  ubicacionId: string;
  now: Date;
}

/**
 * The ledger item of a product's entries in one transaction: one entry as its own item (keyed by its
 * version), several in one item keyed by the lowest of their versions (`PACKED_ENTRIES`). A hot product's
 * group thus writes one ledger item, not one per sale: fewer items per transaction, and on DynamoDB one
 * write to the product's ledger partition instead of as many as it has sales. Each entry keeps its own
 * version and `stock_resultante`; the product's version condition in the same transaction makes the
 * versions unique, and `attribute_not_exists` guards the key besides.
 */
function ledgerPut(table: string, productoId: string, entries: readonly LedgerWrite[]): TransactWriteItem {
  const [first] = entries;
  const Item: Item =
    entries.length === 1 && first
      ? { producto_id: s(productoId), ...entryAttributes(first) }
      : {
          producto_id: s(productoId),
          version: n(Math.min(...entries.map((entry) => entry.version))),
          [PACKED_ENTRIES]: { L: entries.map((entry) => ({ M: entryAttributes(entry) })) },
        };
  return { Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(producto_id)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } };
}

function entryAttributes(entry: LedgerWrite): Item {
  return {
    version: n(entry.version),
    orden_id: s(entry.ordenId),
    tipo: s(entry.tipo),
    cantidad: n(entry.cantidad),
    stock_resultante: n(entry.stockResultante),
    fecha: s(entry.now.toISOString()),
    ubicacion_id: s(entry.ubicacionId),
  };
}
