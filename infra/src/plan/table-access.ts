import type { TableAccess } from './types';

// The IAM actions of each service's DynamoDB calls (a TransactWriteItems needs the action of each item
// it writes or checks). Nothing else may reach the tables.

/** Reads: GetItem, BatchGetItem and Scan on products, Query on the ledger, GetItem on commands. */
export const READ_ACCESS: readonly TableAccess[] = [
  { role: 'products', actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Scan'] },
  { role: 'ledger', actions: ['dynamodb:GetItem', 'dynamodb:Query'] },
  { role: 'commands', actions: ['dynamodb:GetItem'] },
];

/** The gateway records each accepted command as PENDIENTE and reads outcomes through the query function. */
export const INTAKE_ACCESS: readonly TableAccess[] = [
  { role: 'commands', actions: ['dynamodb:GetItem', 'dynamodb:PutItem'] },
];

/** A consumer applies a command in one transaction over the three tables. */
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
];
