import type { AttributeValue, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Command } from '../../command';
import { outcomeLines } from '../../domain/outcome-lines';
import { productIdsOf } from '../../domain/product-ids-of';
import type { Decision, LineChange, ProductStates } from '../../domain/types';
import type { CommandOutcome } from '../../outcome';
import type { ApplyContext } from '../../ports';
import type { TableNames } from '../tables';
import { bool, n, s, type Item } from './attributes';
import { commandKey } from './command-record';

/** `orden_id` of the opening entry written for a product that predates the ledger (see below). */
export const OPENING_BALANCE_ORDER = 'saldo-inicial';

/** Everything a decision's transaction is built from. */
export interface DecisionTransactionInput {
  tables: TableNames;
  command: Command;
  context: ApplyContext;
  /** The state the decision was made from; every write is conditioned on it still holding. */
  states: ProductStates;
  decision: Decision;
  /** When the command was first recorded: kept from a PENDIENTE record, else now. */
  recibida: string;
}

/** The transaction of a decision and the outcome it records. The command record is item 0. */
export interface DecisionTransaction {
  items: TransactWriteItem[];
  outcome: CommandOutcome;
}

/** Index of the command record in {@link DecisionTransaction.items}, to read its cancellation reason. */
export const COMMAND_RECORD_INDEX = 0;

/**
 * Builds the one `TransactWriteItems` that records a decision.
 *
 * - Applied: per line, the product's change (stock by a delta, `version + 1`, conditioned on the
 *   version read and the line's guard) or its creation (`attribute_not_exists`), and its ledger entry
 *   keyed by the new version; then the command record, APLICADA with the outcome lines.
 * - Rejected: the command record, RECHAZADA with the reason, plus a condition check on every product the
 *   decision read, so a rejection is recorded only if the state it was decided from still holds.
 *
 * The command record may only be written once (absent, or PENDIENTE with the same fingerprint), so a
 * concurrent delivery of the same command cannot apply it twice.
 */
export function decisionTransaction(input: DecisionTransactionInput): DecisionTransaction {
  const { command, decision } = input;
  const base = { orden_id: command.ordenId, tipo: command.type };
  if (decision.kind === 'reject') {
    const outcome: CommandOutcome = { ...base, estado: 'RECHAZADA', motivo: decision.rejection };
    const checks = [...new Set(productIdsOf(command))].map((id) => stateCheck(input, id));
    return { outcome, items: [commandRecordPut(input, outcome), ...checks] };
  }
  const outcome: CommandOutcome = { ...base, estado: 'APLICADA', lineas: outcomeLines(decision.changes) };
  const lineItems = decision.changes.flatMap((change) => changeItems(input, change));
  return { outcome, items: [commandRecordPut(input, outcome), ...lineItems] };
}

function commandRecordPut({ tables, command, context, recibida }: DecisionTransactionInput, outcome: CommandOutcome): TransactWriteItem {
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

/** The condition that the product is still as read. */
function stateCheck({ tables, states }: DecisionTransactionInput, productoId: string): TransactWriteItem {
  const product = states.get(productoId);
  const key = { producto_id: s(productoId) };
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

function changeItems(input: DecisionTransactionInput, change: LineChange): TransactWriteItem[] {
  const items = [change.expectedVersion === undefined ? productCreate(input, change) : productUpdate(input, change, change.expectedVersion)];
  if (change.expectedVersion === 0) {
    // A product from before this store has stock no entry explains. Its first change here records that
    // stock as an opening entry (version 0), which the version condition makes exact, so the stock stays
    // the sum of the ledger.
    const opening = input.states.get(change.productoId)?.stock ?? 0;
    items.push(ledgerPut(input, change.productoId, 0, OPENING_BALANCE_ORDER, 'AJUSTE', opening, opening));
  }
  if (change.movement !== undefined) {
    items.push(
      ledgerPut(input, change.productoId, change.newVersion, input.command.ordenId, change.movement, change.delta, change.stockResultante),
    );
  }
  return items;
}

function productCreate({ tables, context }: DecisionTransactionInput, change: LineChange): TransactWriteItem {
  return {
    Put: {
      TableName: tables.products,
      Item: {
        producto_id: s(change.productoId),
        nombre: s(change.set.nombre ?? ''),
        precio: n(change.set.precio ?? 0),
        estado: bool(change.set.estado ?? true),
        stock: n(change.delta),
        version: n(change.newVersion),
        actualizado: s(context.now.toISOString()),
      },
      // Created concurrently by another command: this one retries and then adds to it.
      ConditionExpression: 'attribute_not_exists(producto_id)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

function productUpdate({ tables, context }: DecisionTransactionInput, change: LineChange, expected: number): TransactWriteItem {
  const version = versionCondition(expected);
  const names: Record<string, string> = { ...version.names };
  const values: Record<string, AttributeValue> = {
    ...version.values,
    ':zero': n(0),
    ':one': n(1),
    ':now': s(context.now.toISOString()),
  };
  const sets = ['#version = if_not_exists(#version, :zero) + :one', 'actualizado = :now'];
  const conditions = [version.expression];
  if (change.delta !== 0) {
    // Always a delta, never the absolute stock computed from the read.
    names['#stock'] = 'stock';
    values[':delta'] = n(change.delta);
    sets.push('#stock = if_not_exists(#stock, :zero) + :delta');
  }
  for (const [field, value] of Object.entries(change.set) as [keyof LineChange['set'], unknown][]) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = typeof value === 'boolean' ? bool(value) : typeof value === 'number' ? n(value) : s(String(value));
    sets.push(`#${field} = :${field}`);
  }
  if (change.guard) {
    names['#stock'] = 'stock';
    values[':min'] = n(change.guard.minStock);
    conditions.push('#stock >= :min');
    if (change.guard.mustBeActive) {
      names['#estado'] = 'estado';
      values[':true'] = bool(true);
      conditions.push('(attribute_not_exists(#estado) OR #estado = :true)');
    }
  }
  return {
    Update: {
      TableName: tables.products,
      Key: { producto_id: s(change.productoId) },
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

function ledgerPut(
  { tables, context }: DecisionTransactionInput,
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
        fecha: s(context.now.toISOString()),
      },
      ConditionExpression: 'attribute_not_exists(producto_id)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}
