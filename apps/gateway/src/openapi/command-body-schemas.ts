import {
  deleteBodySchema,
  holdBodySchema,
  purchaseItemsBodySchema,
  purchaseSingleBodySchema,
  reservationStepBodySchema,
  saleItemsBodySchema,
  saleSingleBodySchema,
  transferBodySchema,
  updateBodySchema,
  type CommandType,
} from '@inventario/inventory-core';
import type * as z from 'zod';

/**
 * The body schemas of each command type, from inventory-core (the same ones `parseCommandBody` applies):
 * the single-line form first, then the `items` form where there is one.
 */
export const COMMAND_BODY_SCHEMAS: Record<CommandType, readonly z.ZodType[]> = {
  OrdenCompra: [purchaseSingleBodySchema, purchaseItemsBodySchema],
  OrdenVenta: [saleSingleBodySchema, saleItemsBodySchema],
  ActualizarProducto: [updateBodySchema],
  EliminarProducto: [deleteBodySchema],
  TransferirStock: [transferBodySchema],
  CrearReserva: [holdBodySchema],
  ConfirmarReserva: [reservationStepBodySchema],
  LiberarReserva: [reservationStepBodySchema],
};
