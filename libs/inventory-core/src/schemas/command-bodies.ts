import * as z from 'zod';
import {
  cantidadSchema,
  estadoSchema,
  expiraEnSSchema,
  nombreSchema,
  ordenIdSchema,
  precioSchema,
  productoIdSchema,
  stockCountSchema,
  ubicacionIdSchema,
} from './fields';

export const MAX_ITEMS = 25;

const purchaseLineSchema = z.object({
  producto_id: productoIdSchema,
  cantidad: cantidadSchema,
  nombre: nombreSchema.optional(),
  precio: precioSchema.optional(),
  ubicacion_id: ubicacionIdSchema.optional(),
});

const saleLineSchema = z.object({
  producto_id: productoIdSchema,
  cantidad: cantidadSchema,
  ubicacion_id: ubicacionIdSchema.optional(),
});

function itemsOf<L extends z.ZodType>(line: L) {
  return z
    .array(line, { error: 'must be a list of lines' })
    .min(1, { error: 'must have at least 1 line' })
    .max(MAX_ITEMS, { error: `must have at most ${MAX_ITEMS} lines` });
}

/** `/orden-compra`, one product: `{orden_id?, producto_id, cantidad, nombre?, precio?}`. */
export const purchaseSingleBodySchema = purchaseLineSchema.extend({ orden_id: ordenIdSchema.optional() });
/** `/orden-compra`, several products: `{orden_id?, items: [...]}`. */
export const purchaseItemsBodySchema = z.object({
  orden_id: ordenIdSchema.optional(),
  items: itemsOf(purchaseLineSchema),
});

/** `/orden-venta`, one product: `{orden_id?, producto_id, cantidad}`. */
export const saleSingleBodySchema = saleLineSchema.extend({ orden_id: ordenIdSchema.optional() });
/** `/orden-venta`, several products, all or none: `{orden_id?, items: [...]}`. */
export const saleItemsBodySchema = z.object({
  orden_id: ordenIdSchema.optional(),
  items: itemsOf(saleLineSchema),
});

/** `/actualizar-producto`: `cantidad` sets the stock count. */
export const updateBodySchema = z.object({
  orden_id: ordenIdSchema.optional(),
  producto_id: productoIdSchema,
  nombre: nombreSchema.optional(),
  precio: precioSchema.optional(),
  cantidad: stockCountSchema.optional(),
  estado: estadoSchema.optional(),
  ubicacion_id: ubicacionIdSchema.optional(),
});

/** `/eliminar-productos`: soft delete. */
export const deleteBodySchema = z.object({
  orden_id: ordenIdSchema.optional(),
  producto_id: productoIdSchema,
});

/** `/transferir-stock`: moves units of one product between two locations, both sides at once. */
export const transferBodySchema = z.object({
  orden_id: ordenIdSchema.optional(),
  producto_id: productoIdSchema,
  desde: ubicacionIdSchema,
  hacia: ubicacionIdSchema,
  cantidad: cantidadSchema,
});

/** `/reservas`: holds every line or none, for `expira_en_s` seconds (default 900). */
export const holdBodySchema = z.object({
  orden_id: ordenIdSchema.optional(),
  items: itemsOf(saleLineSchema),
  expira_en_s: expiraEnSSchema.optional(),
});

/** `/reservas/{orden_id}/confirmar` and `/liberar`: the hold is named by the path; an id in the body must be the same. */
export const reservationStepBodySchema = z.object({
  orden_id: ordenIdSchema.optional(),
});
