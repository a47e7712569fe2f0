import { commandEnvelopeSchema } from './envelope';

const envelope = {
  id: 'm-1',
  tipo: 'OrdenCompra',
  ocurrido: '2026-01-01T00:00:00.000Z',
  correlation_id: 'corr-1',
  orden_id: 'o-1',
  cuerpo: '',
  firma: '',
};

const accepts = (fields: Record<string, unknown>) => commandEnvelopeSchema.safeParse({ ...envelope, ...fields }).success;

describe('the command envelope', () => {
  it("takes the gateway's own envelope", () => {
    expect(accepts({})).toBe(true);
    expect(accepts({ ocurrido: new Date().toISOString() })).toBe(true);
  });

  it('takes a correlation id of 1 to 128 letters, digits or -_.:', () => {
    expect(accepts({ correlation_id: 'a' })).toBe(true);
    expect(accepts({ correlation_id: 'Pedido_42-reintento.1:x' })).toBe(true);
    expect(accepts({ correlation_id: 'c'.repeat(128) })).toBe(true);
  });

  it.each([[''], ['c'.repeat(129)], ['x'.repeat(100_000)], ['a b'], ['corr\nINFO forged'], ['a\u0000b'], ['ñandú'], ['a/b']])(
    'refuses the correlation id %j',
    (correlationId) => {
      expect(accepts({ correlation_id: correlationId })).toBe(false);
    },
  );

  it('takes an ISO 8601 date-time with Z or an offset as ocurrido', () => {
    expect(accepts({ ocurrido: '2026-01-01T00:00:00Z' })).toBe(true);
    expect(accepts({ ocurrido: '2026-01-01T01:00:00+01:00' })).toBe(true);
  });

  it.each([[''], ['ayer'], ['2026-01-01'], ['2026-01-01 00:00:00'], ['2026-13-01T00:00:00Z'], ['1767225600000'], ['Thu, 01 Jan 2026 00:00:00 GMT']])(
    'refuses the acceptance date %j',
    (ocurrido) => {
      expect(accepts({ ocurrido })).toBe(false);
    },
  );
});
