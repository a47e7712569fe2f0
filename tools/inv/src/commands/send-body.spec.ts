import { commandEntry } from '@inventario/events';
import { UsageError } from '../errors';
import { bodyOf } from './send-body';

const confirmation = commandEntry('ConfirmarReserva');
const hold = commandEntry('CrearReserva');

describe('bodyOf', () => {
  it('leaves the body of a step signed v2 empty: the signature binds the path, and the id with it', () => {
    expect(bodyOf({ entry: confirmation, stepOrdenId: 'r-1', signsPath: true }, { ordenId: 'r-1' })).toBe('');
  });

  it('names the hold in the body of a step signed v1 or legacy, which sign the body alone', () => {
    expect(bodyOf({ entry: confirmation, stepOrdenId: 'r-1', signsPath: false }, {})).toBe('{"orden_id":"r-1"}');
  });

  it('takes a step body given as --json alongside the --orden-id that names the path', () => {
    expect(bodyOf({ entry: confirmation, stepOrdenId: 'r-1', signsPath: true }, { ordenId: 'r-1', json: '{}' })).toBe('{}');
  });

  it('refuses product fields on a step', () => {
    expect(() => bodyOf({ entry: confirmation, stepOrdenId: 'r-1', signsPath: true }, { productoId: 'P1' })).toThrow(UsageError);
  });

  it("builds a hold's one line from the product flags", () => {
    const body = bodyOf({ entry: hold, signsPath: true }, { ordenId: 'h-1', productoId: 'P1', cantidad: '2', ubicacionId: 'TIENDA-01', expiraEnS: '600' });
    expect(JSON.parse(body)).toEqual({ orden_id: 'h-1', items: [{ producto_id: 'P1', cantidad: 2, ubicacion_id: 'TIENDA-01' }], expira_en_s: 600 });
  });

  it('refuses a hold without a product or an amount, and an expiry on anything but a hold', () => {
    expect(() => bodyOf({ entry: hold, signsPath: true }, { productoId: 'P1' })).toThrow(UsageError);
    expect(() => bodyOf({ entry: commandEntry('OrdenVenta'), signsPath: true }, { productoId: 'P1', cantidad: '1', expiraEnS: '60' })).toThrow(UsageError);
  });

  it('takes a transfer flat', () => {
    const body = bodyOf({ entry: commandEntry('TransferirStock'), signsPath: true }, { productoId: 'P1', cantidad: '3', desde: 'CENTRAL', hacia: 'TIENDA-01' });
    expect(JSON.parse(body)).toEqual({ producto_id: 'P1', cantidad: 3, desde: 'CENTRAL', hacia: 'TIENDA-01' });
  });
});
