import type { CommandType } from '@inventario/inventory-core';

/** A valid body of each command type, without `orden_id`. */
export const VALID_BODIES: Record<CommandType, Record<string, unknown>> = {
  OrdenCompra: { producto_id: 'PRO001', cantidad: 5, nombre: 'Laptop Lenovo', precio: 2500.5 },
  OrdenVenta: { producto_id: 'PRO001', cantidad: 2 },
  ActualizarProducto: { producto_id: 'PRO001', precio: 12 },
  EliminarProducto: { producto_id: 'PRO001' },
  TransferirStock: { producto_id: 'PRO001', desde: 'CENTRAL', hacia: 'TIENDA-01', cantidad: 2 },
  CrearReserva: { items: [{ producto_id: 'PRO001', cantidad: 1 }], expira_en_s: 600 },
  ConfirmarReserva: {},
  LiberarReserva: {},
};

/** A JSON object body of exactly `size` bytes: a valid sale padded with an ignored field. */
export function saleBodyOfSize(size: number, ordenId = 'grande-1'): Buffer {
  const prefix = `{"orden_id":"${ordenId}","producto_id":"PRO001","cantidad":1,"relleno":"`;
  const suffix = '"}';
  const padding = size - Buffer.byteLength(prefix) - Buffer.byteLength(suffix);
  if (padding < 0) throw new Error(`${size} bytes is too small for a sale body`);
  return Buffer.from(prefix + 'x'.repeat(padding) + suffix);
}
