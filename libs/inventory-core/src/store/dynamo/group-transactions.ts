import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Command } from '../../command';
import { outcomeLines } from '../../domain/outcome-lines';
import { productIdsOf } from '../../domain/product-ids-of';
import { stateAfter } from '../../domain/state-after';
import type { Decision, LineChange, ProductStates, VersionedProduct } from '../../domain/types';
import type { CommandOutcome } from '../../outcome';
import type { ApplyContext } from '../../ports';
import type { TableNames } from '../tables';
import { bool, n, s, type Item } from './attributes';
import { commandKey } from './command-record';

/** `orden_id` of the opening entry written for a product that predates the ledger (see below). */
export const OPENING_BALANCE_ORDER = 'saldo-inicial';

/** DynamoDB's limit of items per `TransactWriteItems`. */
export const MAX_TRANSACTION_ITEMS = 100;

/** A command of a group, decided against the state the commands before it leave. */
export interface DecidedCommand {
  /** Its position in the caller's batch. */
  index: number;
  command: Command;
  context: ApplyContext;
  decision: Decision;
  /** When the command was first recorded: kept from a PENDIENTE record, else now. */
  recibida: string;
}

/** What an item of a group transaction writes, to read its cancellation reason. */
export type GroupItemKind = 'record' | 'product' | 'ledger';

/** One `TransactWriteItems` of a group and the outcomes it records. */
export interface GroupTransaction {
  items: TransactWriteItem[];
  /** `kinds[i]` is what `items[i]` writes (cancellation reasons come in the order of the items). */
  kinds: GroupItemKind[];
  /** The commands it records, with their outcomes. */
  members: { index: number; outcome: CommandOutcome }[];
}

/**
 * Packs a group of decided commands, in order, into as few `TransactWriteItems` as the 100-item limit
 * allows. Each holds, per product it touches, ONE item: an Update by the sum of its commands' deltas
 * with `version + <number of changes>`, conditioned on the version the transaction starts from (or a
 * Put creating it, or a ConditionCheck when only refusals read it); per command its ledger entries
 * (keyed by each change's own version, so each `stock_resultante` is exact and in order) and its
 * record. The transactions are meant to be written one after the other: each starts from the state the
 * previous one leaves, and a cancelled one cancels the rest.
 *
 * A refusal is recorded only if the state it was decided from still holds, as for a single command.
 */
export function groupTransactions(tables: TableNames, decided: readonly DecidedCommand[], read: ProductStates): GroupTransaction[] {
  const transactions: GroupTransaction[] = [];
  let start = read;
  let members: DecidedCommand[] = [];
  let products = new Set<string>();
  let count = 0;
  const close = (): void => {
    if (members.length === 0) return;
    transactions.push(buildTransaction(tables, members, start));
    start = stateAfter(start, members.flatMap((member) => changesOf(member.decision)));
    members = [];
    products = new Set();
    count = 0;
  };
  for (const member of decided) {
    const cost = (): number => 1 + ledgerCount(member.decision) + productIdsOf(member.command).filter((id) => !products.has(id)).length;
    if (count + cost() > MAX_TRANSACTION_ITEMS) close();
    count += cost();
    members.push(member);
    for (const id of productIdsOf(member.command)) products.add(id);
  }
  close();
  return transactions;
}

function changesOf(decision: Decision): LineChange[] {
  return decision.kind === 'apply' ? decision.changes : [];
}

function ledgerCount(decision: Decision): number {
  return changesOf(decision).reduce(
    (total, change) => total + (change.movement === undefined ? 0 : 1) + (change.expectedVersion === 0 ? 1 : 0),
    0,
  );
}

function buildTransaction(tables: TableNames, members: readonly DecidedCommand[], start: ProductStates): GroupTransaction {
  const items: TransactWriteItem[] = [];
  const kinds: GroupItemKind[] = [];
  const add = (kind: GroupItemKind, item: TransactWriteItem): void => {
    items.push(item);
    kinds.push(kind);
  };
  const now = members[0]?.context.now ?? new Date();
  const outcomes = members.map((member) => {
    const outcome = outcomeOf(member.command, member.decision);
    add('record', commandRecordPut(tables, member, outcome));
    return { index: member.index, outcome };
  });

  const changesByProduct = new Map<string, LineChange[]>();
  for (const member of members) {
    for (const id of productIdsOf(member.command)) if (!changesByProduct.has(id)) changesByProduct.set(id, []);
    for (const change of changesOf(member.decision)) changesByProduct.get(change.productoId)?.push(change);
  }
  for (const [id, changes] of changesByProduct) add('product', productItem(tables, now, id, start.get(id), changes));

  for (const member of members) {
    for (const change of changesOf(member.decision)) {
      if (change.expectedVersion === 0) {
        // A product from before this store has stock no entry explains. Its first change here records that
        // stock as an opening entry (version 0), which the version condition makes exact, so the stock
        // stays the sum of the ledger.
        const opening = start.get(change.productoId)?.stock ?? 0;
        add('ledger', ledgerPut(tables, member.context.now, change.productoId, 0, OPENING_BALANCE_ORDER, 'AJUSTE', opening, opening));
      }
      if (change.movement !== undefined) {
        add(
          'ledger',
          ledgerPut(tables, member.context.now, change.productoId, change.newVersion, member.command.ordenId, change.movement, change.delta, change.stockResultante),
        );
      }
    }
  }
  return { items, kinds, members: outcomes };
}

function outcomeOf(command: Command, decision: Decision): CommandOutcome {
  const base = { orden_id: command.ordenId, tipo: command.type };
  if (decision.kind === 'reject') return { ...base, estado: 'RECHAZADA', motivo: decision.rejection };
  return { ...base, estado: 'APLICADA', lineas: outcomeLines(decision.changes) };
}

/** The command record: written once (absent, or PENDIENTE with the same fingerprint), so no command applies twice. */
function commandRecordPut(tables: TableNames, { command, context, recibida }: DecidedCommand, outcome: CommandOutcome): TransactWriteItem {
  const item: Item = {
    comando_id: s(commandKey(command.type, command.ordenId)),
    tipo: s(command.type),
    orden_id: s(command.ordenId),
    huella: s(context.fingerprint),
    estado: s(outcome.estado),
    correlation_id: s(context.correlationId),
    recibida: s(recibida),
    resuelta: s(context.now.toISOString()),
  };
  if (outcome.motivo) item['motivo'] = { M: { codigo: s(outcome.motivo.codigo), mensaje: s(outcome.motivo.mensaje) } };
  if (outcome.lineas) {
    item['lineas'] = {
      L: outcome.lineas.map((line) => ({
        M: { producto_id: s(line.producto_id), cantidad: n(line.cantidad), stock_resultante: n(line.stock_resultante) },
      })),
    };
  }
  return {
    Put: {
      TableName: tables.commands,
      Item: item,
      ConditionExpression: 'attribute_not_exists(comando_id) OR (#estado = :pendiente AND huella = :huella)',
      ExpressionAttributeNames: { '#estado': 'estado' },
      ExpressionAttributeValues: { ':pendiente': s('PENDIENTE'), ':huella': s(context.fingerprint) },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** The one item of a product in a transaction: its creation, its summed change, or a check that it is as read. */
function productItem(tables: TableNames, now: Date, id: string, start: VersionedProduct | undefined, changes: readonly LineChange[]): TransactWriteItem {
  if (changes.length === 0) return stateCheck(tables, id, start);
  if (start === undefined) return productCreate(tables, now, stateAfter(new Map(), changes).get(id) as VersionedProduct);
  return productUpdate(tables, now, start, changes);
}

function stateCheck(tables: TableNames, id: string, product: VersionedProduct | undefined): TransactWriteItem {
  const key = { producto_id: s(id) };
  if (!product) {
    return {
      ConditionCheck: {
        TableName: tables.products,
        Key: key,
        ConditionExpression: 'attribute_not_exists(producto_id)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }
  const version = versionCondition(product.version);
  return {
    ConditionCheck: {
      TableName: tables.products,
      Key: key,
      ConditionExpression: version.expression,
      ExpressionAttributeNames: version.names,
      ExpressionAttributeValues: version.values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/**
 * `version = :expected`. A product that predates this store has no `version` and counts as version 0;
 * `attribute_exists(producto_id)` keeps that from matching a product deleted since it was read.
 */
function versionCondition(expected: number): { expression: string; names: Record<string, string>; values: Item } {
  return {
    expression:
      expected === 0
        ? 'attribute_exists(producto_id) AND (attribute_not_exists(#version) OR #version = :expected)'
        : 'attribute_exists(producto_id) AND #version = :expected',
    names: { '#version': 'version' },
    values: { ':expected': n(expected) },
  };
}

function productCreate(tables: TableNames, now: Date, product: VersionedProduct): TransactWriteItem {
  return {
    Put: {
      TableName: tables.products,
      Item: {
        producto_id: s(product.producto_id),
        nombre: s(product.nombre),
        precio: n(product.precio),
        estado: bool(product.estado),
        stock: n(product.stock),
        version: n(product.version),
        actualizado: s(now.toISOString()),
      },
      // Created concurrently by another command: these retry and then add to it.
      ConditionExpression: 'attribute_not_exists(producto_id)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

function productUpdate(tables: TableNames, now: Date, start: VersionedProduct, changes: readonly LineChange[]): TransactWriteItem {
  const version = versionCondition(start.version);
  const names: Record<string, string> = { ...version.names };
  const values: Record<string, AttributeValue> = {
    ...version.values,
    ':zero': n(0),
    ':changes': n(changes.length),
    ':now': s(now.toISOString()),
  };
  const sets = ['#version = if_not_exists(#version, :zero) + :changes', 'actualizado = :now'];
  const conditions = [version.expression];
  const delta = changes.reduce((total, change) => total + change.delta, 0);
  if (delta !== 0) {
    // Always a delta, never the absolute stock computed from the read.
    names['#stock'] = 'stock';
    values[':delta'] = n(delta);
    sets.push('#stock = if_not_exists(#stock, :zero) + :delta');
  }
  for (const [field, value] of Object.entries(Object.assign({}, ...changes.map((change) => definedFields(change.set)))) as [string, unknown][]) {
    names[`#${field}`] = field;
    values[`:${field}`] = typeof value === 'boolean' ? bool(value) : typeof value === 'number' ? n(value) : s(String(value));
    sets.push(`#${field} = :${field}`);
  }
  const guard = groupGuard(changes);
  if (guard.minStock !== undefined) {
    names['#stock'] = 'stock';
    values[':min'] = n(guard.minStock);
    conditions.push('#stock >= :min');
  }
  if (guard.mustBeActive) {
    names['#estado'] = 'estado';
    values[':true'] = bool(true);
    conditions.push('(attribute_not_exists(#estado) OR #estado = :true)');
  }
  return {
    Update: {
      TableName: tables.products,
      Key: { producto_id: s(start.producto_id) },
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/**
 * The business conditions of a product's changes, stated on the stock the transaction starts from: each
 * guarded change needs `minStock` units after the changes before it, so the start needs the largest of
 * `minStock - (deltas before it)`; and it must be active unless a change before it set `estado`. The
 * version condition already implies both; they are kept so the write states its rules.
 */
function groupGuard(changes: readonly LineChange[]): { minStock: number | undefined; mustBeActive: boolean } {
  let before = 0;
  let minStock: number | undefined;
  let mustBeActive = false;
  let estadoSet = false;
  for (const change of changes) {
    if (change.guard) {
      minStock = Math.max(minStock ?? Number.NEGATIVE_INFINITY, change.guard.minStock - before);
      if (change.guard.mustBeActive && !estadoSet) mustBeActive = true;
    }
    before += change.delta;
    if (change.set.estado !== undefined) estadoSet = true;
  }
  return { minStock, mustBeActive };
}

function definedFields(set: LineChange['set']): Record<string, unknown> {
  return Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
}

function ledgerPut(
  tables: TableNames,
  now: Date,
  productoId: string,
  version: number,
  ordenId: string,
  tipo: string,
  cantidad: number,
  stockResultante: number,
): TransactWriteItem {
  return {
    Put: {
      TableName: tables.ledger,
      Item: {
        producto_id: s(productoId),
        version: n(version),
        orden_id: s(ordenId),
        tipo: s(tipo),
        cantidad: n(cantidad),
        stock_resultante: n(stockResultante),
        fecha: s(now.toISOString()),
      },
      ConditionExpression: 'attribute_not_exists(producto_id)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}
