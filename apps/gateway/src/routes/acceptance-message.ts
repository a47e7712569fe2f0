import type { CommandType } from '@inventario/inventory-core';

const MESSAGES: Partial<Record<CommandType, string>> = {
  OrdenCompra: 'Orden de compra recibida',
  OrdenVenta: 'Orden de venta recibida',
  ActualizarProducto: 'Actualización de producto recibida',
  EliminarProducto: 'Eliminación de producto recibida',
  TransferirStock: 'Transferencia de stock recibida',
  CrearReserva: 'Reserva recibida',
  ConfirmarReserva: 'Confirmación de reserva recibida',
  LiberarReserva: 'Liberación de reserva recibida',
};

/**
 * The `mensaje` of a 202: a Spanish sentence per command type, with a generic one for a type added to
 * the catalogue later.
 *
 * @example
 * acceptanceMessage('OrdenVenta'); // 'Orden de venta recibida'
 */
export function acceptanceMessage(type: CommandType): string {
  return MESSAGES[type] ?? `Comando ${type} recibido`;
}
