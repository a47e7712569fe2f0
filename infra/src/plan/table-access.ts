import { DUE_INDEX } from '@inventario/inventory-core';
import type { TableAccess } from './types';

// The IAM actions of each service's DynamoDB calls (a TransactWriteItems needs the action of each item
// it writes or checks). Nothing else may reach the tables.

/** Reads: GetItem, BatchGetItem and Scan on products, Query on the ledger, GetItem on commands and reservations. */
export const READ_ACCESS: readonly TableAccess[] = [
  { role: 'products', actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Scan'] },
  { role: 'ledger', actions: ['dynamodb:GetItem', 'dynamodb:Query'] },
  { role: 'commands', actions: ['dynamodb:GetItem'] },
  { role: 'reservations', actions: ['dynamodb:GetItem'] },
];

/** The gateway records each accepted command as PENDIENTE and reads outcomes through the query function. */
export const INTAKE_ACCESS: readonly TableAccess[] = [
  { role: 'commands', actions: ['dynamodb:GetItem', 'dynamodb:PutItem'] },
];

/** A consumer applies a command in one transaction over the tables (a reservation's step also over its hold). */
export const APPLY_ACCESS: readonly TableAccess[] = [
  {
    role: 'products',
    actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
  },
  { role: 'ledger', actions: ['dynamodb:GetItem', 'dynamodb:PutItem'] },
  {
    role: 'commands',
    actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
  },
  {
    role: 'reservations',
    actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
  },
];

/**
 * The sweeper reads the due holds from their index, gives their units back (product counts, and the
 * opening ledger entry of a product that predates the ledger) and takes each off the notice list. Its
 * expiries have no command record, so it never reaches the commands table.
 */
export const SWEEP_ACCESS: readonly TableAccess[] = [
  { role: 'products', actions: ['dynamodb:BatchGetItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'] },
  { role: 'ledger', actions: ['dynamodb:PutItem'] },
  {
    role: 'reservations',
    actions: ['dynamodb:BatchGetItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
    index: { name: DUE_INDEX.name, actions: ['dynamodb:Query'] },
  },
];
