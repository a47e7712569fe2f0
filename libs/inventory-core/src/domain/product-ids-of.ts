import type { AnyPayload } from '../command';
import type { Reservation } from '../reservation';

/**
 * The products a command reads and may change, in the order of its lines. A step of a reservation
 * changes the products of the hold, which only the reservation read names.
 *
 * @example
 * ```ts
 * productIdsOf({ type: 'EliminarProducto', productoId: 'PRO001' }); // ['PRO001']
 * ```
 */
export function productIdsOf(command: AnyPayload, reservation?: Reservation): string[] {
  switch (command.type) {
    case 'OrdenCompra':
    case 'OrdenVenta':
    case 'CrearReserva':
      return command.lines.map((line) => line.productoId);
    case 'ActualizarProducto':
    case 'EliminarProducto':
    case 'TransferirStock':
      return [command.productoId];
    case 'ConfirmarReserva':
    case 'LiberarReserva':
    case 'ExpirarReserva':
      return reservation?.lines.map((line) => line.productoId) ?? [];
  }
}
