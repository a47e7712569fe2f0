import { changedProductStates } from './changed-product-states';
import type { GroupItemKind } from './group-transactions';

const KINDS: GroupItemKind[] = ['record', 'product', 'ledger'];
const PRODUCT_ITEM = { producto_id: { S: 'P1' }, stock: { N: '4' }, version: { N: '9' }, estado: { BOOL: true } };

function cancelled(...reasons: { Code: string; Item?: Record<string, unknown> }[]): Error {
  return Object.assign(new Error('cancelled'), { name: 'TransactionCanceledException', CancellationReasons: reasons });
}

describe('changedProductStates', () => {
  it('gives the states of the products whose version moved, a ledger entry of theirs taken being part of it', () => {
    const error = cancelled({ Code: 'None' }, { Code: 'ConditionalCheckFailed', Item: PRODUCT_ITEM }, { Code: 'ConditionalCheckFailed' });
    expect(changedProductStates(error, KINDS, 'product_t')).toEqual([expect.objectContaining({ producto_id: 'P1', stock: 4, version: 9 })]);
  });

  it('gives nothing when a record failed too, a product came back without its item, or another transaction held one', () => {
    expect(changedProductStates(cancelled({ Code: 'ConditionalCheckFailed' }, { Code: 'ConditionalCheckFailed', Item: PRODUCT_ITEM }, { Code: 'None' }), KINDS, 'product_t')).toBeUndefined();
    expect(changedProductStates(cancelled({ Code: 'None' }, { Code: 'ConditionalCheckFailed' }, { Code: 'None' }), KINDS, 'product_t')).toBeUndefined();
    expect(changedProductStates(cancelled({ Code: 'None' }, { Code: 'TransactionConflict' }, { Code: 'None' }), KINDS, 'product_t')).toBeUndefined();
    expect(changedProductStates(cancelled({ Code: 'None' }, { Code: 'None' }, { Code: 'ConditionalCheckFailed' }), KINDS, 'product_t')).toBeUndefined();
    expect(changedProductStates(Object.assign(new Error('x'), { name: 'ProvisionedThroughputExceededException' }), KINDS, 'product_t')).toBeUndefined();
  });
});
