import { COMMAND_TYPES, ERROR_CODES, REJECTION_CODES, productoIdSchema } from '@inventario/inventory-core';
import * as z from 'zod';

const fieldIssueSchema = z.object({
  campo: z.string().meta({ description: 'The field, header or parameter: `items.1.cantidad`, `Idempotency-Key`' }),
  mensaje: z.string(),
});

/** Every error response. */
export const errorBodySchema = z
  .object({
    error: z.string().meta({ description: 'What went wrong, for people' }),
    codigo: z.enum(ERROR_CODES),
    detalles: z.array(fieldIssueSchema).optional().meta({ description: 'The broken rules, for VALIDACION' }),
  })
  .meta({ description: 'An error' });

/** The 202 of an accepted command. */
export const acceptedBodySchema = z.object({
  mensaje: z.string(),
  orden_id: z.string().meta({ description: "The command's id: the body's, the Idempotency-Key's, or a new one" }),
  estado_url: z.string().meta({ description: "Where the command's outcome is read (GET); also in Location" }),
  sns_message_id: z.string(),
});

/** A product. */
export const productSchema = z.object({
  producto_id: productoIdSchema,
  nombre: z.string(),
  stock: z.int().min(0),
  precio: z.number().min(0),
  estado: z.boolean().meta({ description: 'Active; false once deleted' }),
});

/** A page of `/obtener-inventario`. */
export const inventoryPageSchema = z.object({
  mensaje: z.string(),
  data: z.array(productSchema),
  siguiente: z.string().optional().meta({ description: 'Cursor of the next page; absent on the last one' }),
});

/** One entry of a product's stock ledger. */
export const ledgerEntrySchema = z.object({
  producto_id: productoIdSchema,
  orden_id: z.string(),
  tipo: z.enum(['COMPRA', 'VENTA', 'AJUSTE', 'BAJA']),
  cantidad: z.int().meta({ description: 'Signed stock delta; 0 for BAJA' }),
  stock_resultante: z.int(),
  fecha: z.string().meta({ description: 'ISO 8601' }),
});

/** A page of a product's ledger, newest first. */
export const ledgerPageSchema = z.object({
  data: z.array(ledgerEntrySchema),
  siguiente: z.string().optional().meta({ description: 'Cursor of the next page; absent on the last one' }),
});

/** A command's outcome (`GET estado_url`). */
export const commandOutcomeSchema = z.object({
  orden_id: z.string(),
  tipo: z.enum(COMMAND_TYPES),
  estado: z.enum(['PENDIENTE', 'APLICADA', 'RECHAZADA']),
  motivo: z.object({ codigo: z.enum(REJECTION_CODES), mensaje: z.string() }).optional(),
  lineas: z
    .array(z.object({ producto_id: z.string(), cantidad: z.int(), stock_resultante: z.int() }))
    .optional(),
});

/** `/health` and `/ready`. */
export const healthSchema = z.object({ estado: z.literal('ok') });
