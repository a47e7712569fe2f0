import { decodeCommand } from './decode-command';

const sale = '{"orden_id":"v-1","producto_id":"PRO001","cantidad":2}';

describe('decodeCommand: the one reading of a command from its raw bytes', () => {
  it('reads UTF-8 JSON as the command, with its orden_id', () => {
    expect(decodeCommand('OrdenVenta', Buffer.from(sale))).toEqual({
      ok: true,
      ordenId: 'v-1',
      payload: { type: 'OrdenVenta', lines: [{ productoId: 'PRO001', cantidad: 2 }] },
    });
  });

  it('drops one leading byte-order mark, and reads the body as without it', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sale)]);
    expect(decodeCommand('OrdenVenta', withBom)).toEqual(decodeCommand('OrdenVenta', Buffer.from(sale)));
  });

  it.each([
    ['empty', Buffer.alloc(0), 'El cuerpo está vacío; se espera un objeto JSON'],
    ['two byte-order marks', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(sale)]), 'El cuerpo no es JSON válido'],
    ['UTF-16', Buffer.from(sale, 'utf16le'), 'El cuerpo no es JSON válido'],
    ['not UTF-8', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), 'El cuerpo no es JSON válido'],
    ['JSON with a comment', Buffer.from(`${sale} // x`), 'El cuerpo no es JSON válido'],
  ])('refuses a body that is %s with JSON_INVALIDO', (_, raw, mensaje) => {
    expect(decodeCommand('OrdenVenta', raw)).toEqual({ ok: false, codigo: 'JSON_INVALIDO', mensaje });
  });

  it('reads a deeply nested unknown member without throwing, and ignores it', () => {
    const deep = Buffer.from(`{"x":${'['.repeat(30_000)}${']'.repeat(30_000)},"producto_id":"PRO001","cantidad":1}`);
    expect(decodeCommand('OrdenVenta', deep)).toEqual({ ok: true, payload: { type: 'OrdenVenta', lines: [{ productoId: 'PRO001', cantidad: 1 }] } });
  });

  it('refuses a body that breaks a rule with VALIDACION naming the field', () => {
    expect(decodeCommand('OrdenVenta', Buffer.from('{"producto_id":"PRO001","cantidad":0}'))).toEqual({
      ok: false,
      codigo: 'VALIDACION',
      mensaje: expect.any(String),
      detalles: [{ campo: 'cantidad', mensaje: expect.any(String) }],
    });
  });

  it('refuses an integer orden_id past what a double holds exactly, which two readers could round apart', () => {
    const decoded = decodeCommand('OrdenVenta', Buffer.from('{"orden_id":12345678901234567891,"producto_id":"PRO001","cantidad":1}'));
    expect(decoded).toMatchObject({ ok: false, codigo: 'VALIDACION', detalles: [{ campo: 'orden_id' }] });
  });

  it('takes the last of duplicate keys and ignores a __proto__ member, as JSON.parse does', () => {
    const decoded = decodeCommand('OrdenVenta', Buffer.from('{"__proto__":{"cantidad":9},"producto_id":"PRO001","cantidad":1,"cantidad":3}'));
    expect(decoded).toEqual({ ok: true, payload: { type: 'OrdenVenta', lines: [{ productoId: 'PRO001', cantidad: 3 }] } });
  });
});
