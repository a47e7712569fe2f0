import type { DeadMessage } from '@inventario/dead-letters';
import { parseFilters } from './message-filter';

const now = new Date('2024-05-01T12:00:00Z');
const message = (overrides: Partial<DeadMessage>): DeadMessage =>
  ({ tipo: 'OrdenVenta', ordenId: 'A-17', productIds: ['PRO001', 'PRO002'], acceptedAt: new Date('2024-05-01T10:00:00Z'), ...overrides }) as DeadMessage;

describe('replay filters', () => {
  it('match type, orden_id and producto_id exactly, or by prefix with a trailing *', () => {
    expect(parseFilters(['tipo=OrdenVenta'])(message({}), now)).toBe(true);
    expect(parseFilters(['tipo=OrdenCompra'])(message({}), now)).toBe(false);
    expect(parseFilters(['orden_id=A-*'])(message({}), now)).toBe(true);
    expect(parseFilters(['orden_id=A-1'])(message({}), now)).toBe(false);
    expect(parseFilters(['producto_id=PRO002'])(message({}), now)).toBe(true);
  });

  it('match age since the gateway accepted the command, both ways', () => {
    expect(parseFilters(['age>1h'])(message({}), now)).toBe(true);
    expect(parseFilters(['age>3h'])(message({}), now)).toBe(false);
    expect(parseFilters(['age<3h'])(message({}), now)).toBe(true);
    expect(parseFilters(['age>1s'])(message({ acceptedAt: undefined }), now)).toBe(false);
  });

  it('must all match', () => {
    expect(parseFilters(['tipo=OrdenVenta', 'producto_id=PRO009'])(message({}), now)).toBe(false);
    expect(parseFilters([])(message({}), now)).toBe(true);
  });

  it('refuses an expression it does not know', () => {
    expect(() => parseFilters(['cantidad=3'])).toThrow(/--filter "cantidad=3"/);
  });
});
