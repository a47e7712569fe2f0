import { ERROR_CODES } from './error-codes';
import { ConflictRetriesExhaustedError, InvalidCursorError, StoredItemError, TransientStoreError } from './errors';
import { movementsCursor, productsCursor, productsStartKey } from './store/dynamo/cursor';

describe('the errors of the inventory core', () => {
  it('each carry a codigo of the one error-code catalogue', () => {
    const errors = [
      new InvalidCursorError(),
      new TransientStoreError('x'),
      new ConflictRetriesExhaustedError('orden-1', 3),
      new StoredItemError('product_t', 'x'),
    ];
    for (const error of errors) expect(ERROR_CODES).toContain(error.codigo);
  });

  it('keep the parse error of a cursor that does not decode as its cause', () => {
    let thrown: unknown;
    try {
      productsStartKey('bm90LWpzb24'); // base64url of "not-json"
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidCursorError);
    expect((thrown as InvalidCursorError).cause).toBeInstanceOf(SyntaxError);
  });

  it('refuse a key without its attributes as an unreadable stored item, not a bare Error', () => {
    expect(() => productsCursor({})).toThrow(StoredItemError);
    expect(() => movementsCursor({ producto_id: { S: 'PRO001' } })).toThrow(StoredItemError);
  });
});
