import type { CommandPayload } from '../command';

/**
 * The products a command reads and may change, in the order of its lines.
 *
 * @example
 * ```ts
 * productIdsOf({ type: 'EliminarProducto', productoId: 'PRO001' }); // ['PRO001']
 * ```
 */
export function productIdsOf(command: CommandPayload): string[] {
  switch (command.type) {
    case 'OrdenCompra':
    case 'OrdenVenta':
      return command.lines.map((line) => line.productoId);
    case 'ActualizarProducto':
    case 'EliminarProducto':
      return [command.productoId];
  }
}
