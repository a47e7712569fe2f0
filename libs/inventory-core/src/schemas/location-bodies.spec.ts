import { commandFingerprint } from '../fingerprint';
import { decodeCommand } from './decode-command';

const bytes = (body: unknown) => Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));

describe('bodies that name locations and reservations', () => {
  it('reads ubicacion_id on a line, and leaves it out when the body gives none (the old payload)', () => {
    expect(decodeCommand('OrdenVenta', bytes({ producto_id: 'PRO001', cantidad: 1, ubicacion_id: 'TIENDA-01' }))).toEqual({
      ok: true,
      payload: { type: 'OrdenVenta', lines: [{ productoId: 'PRO001', cantidad: 1, ubicacionId: 'TIENDA-01' }] },
    });
    expect(decodeCommand('OrdenVenta', bytes({ producto_id: 'PRO001', cantidad: 1 }))).toEqual({
      ok: true,
      payload: { type: 'OrdenVenta', lines: [{ productoId: 'PRO001', cantidad: 1 }] },
    });
  });

  it('refuses a location that breaks the rule, naming the field', () => {
    expect(decodeCommand('OrdenCompra', bytes({ items: [{ producto_id: 'PRO001', cantidad: 1, ubicacion_id: 'tienda 1' }] }))).toMatchObject({
      ok: false,
      codigo: 'VALIDACION',
      detalles: [{ campo: 'items.0.ubicacion_id' }],
    });
  });

  it('hashes an explicit CENTRAL as the body without a location, so both are the same command', () => {
    const named = decodeCommand('OrdenVenta', bytes({ producto_id: 'PRO001', cantidad: 1, ubicacion_id: 'CENTRAL' }));
    const plain = decodeCommand('OrdenVenta', bytes({ producto_id: 'PRO001', cantidad: 1 }));
    if (!named.ok || !plain.ok) throw new Error('both bodies are valid');
    expect(commandFingerprint(named.payload)).toBe(commandFingerprint(plain.payload));
  });

  it('reads a transfer and refuses one to the same location', () => {
    expect(decodeCommand('TransferirStock', bytes({ orden_id: 't-1', producto_id: 'PRO001', desde: 'CENTRAL', hacia: 'TIENDA-01', cantidad: 2 }))).toEqual({
      ok: true,
      ordenId: 't-1',
      payload: { type: 'TransferirStock', productoId: 'PRO001', desde: 'CENTRAL', hacia: 'TIENDA-01', cantidad: 2 },
    });
    expect(decodeCommand('TransferirStock', bytes({ producto_id: 'PRO001', desde: 'CENTRAL', hacia: 'CENTRAL', cantidad: 2 }))).toMatchObject({
      ok: false,
      detalles: [{ campo: 'hacia', mensaje: 'must be another location than desde' }],
    });
  });

  it('reads a hold with its default expiry, and refuses one outside 60 to 86400 seconds', () => {
    expect(decodeCommand('CrearReserva', bytes({ items: [{ producto_id: 'PRO001', cantidad: 1 }] }))).toEqual({
      ok: true,
      payload: { type: 'CrearReserva', lines: [{ productoId: 'PRO001', cantidad: 1, ubicacionId: 'CENTRAL' }], expiraEnS: 900 },
    });
    for (const expira_en_s of [59, 86_401, 1.5]) {
      expect(decodeCommand('CrearReserva', bytes({ items: [{ producto_id: 'PRO001', cantidad: 1 }], expira_en_s }))).toMatchObject({ ok: false, detalles: [{ campo: 'expira_en_s' }] });
    }
  });

  it('takes a step of a reservation with an empty body or an id, but not with a non-object', () => {
    expect(decodeCommand('ConfirmarReserva', Buffer.alloc(0))).toEqual({ ok: true, payload: { type: 'ConfirmarReserva' } });
    expect(decodeCommand('LiberarReserva', bytes({ orden_id: 'r-1' }))).toEqual({ ok: true, ordenId: 'r-1', payload: { type: 'LiberarReserva' } });
    expect(decodeCommand('LiberarReserva', bytes('[]'))).toMatchObject({ ok: false, codigo: 'VALIDACION' });
    expect(decodeCommand('OrdenVenta', Buffer.alloc(0))).toMatchObject({ ok: false, codigo: 'JSON_INVALIDO' });
  });
});
