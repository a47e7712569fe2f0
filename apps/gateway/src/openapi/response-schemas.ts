import {
  COMMAND_TYPES,
  ERROR_CODES,
  MOVEMENT_TYPES,
  REJECTION_CODES,
  RESERVATION_STATUSES,
  productoIdSchema,
  ubicacionIdSchema,
} from '@inventario/inventory-core';
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

/** A product's stock at one location. */
export const locationStockSchema = z.object({
  ubicacion_id: ubicacionIdSchema,
  stock: z.int().min(0),
  reservado: z.int().min(0).meta({ description: 'Units held by active reservations' }),
  disponible: z.int().meta({ description: 'stock - reservado: what a sale or a new hold may take' }),
});

/** `GET /productos/{producto_id}`: the product and its stock per location. */
export const productDetailSchema = productSchema.extend({
  stock: z.int().min(0).meta({ description: 'The total over every location' }),
  ubicaciones: z.array(locationStockSchema).optional().meta({ description: 'Stock per location, CENTRAL first; present once the product has stock outside CENTRAL or units held' }),
});

/** One product of a location's listing. */
export const locationProductSchema = productSchema.pick({ producto_id: true, nombre: true, estado: true }).extend(locationStockSchema.shape);

/** A page of `/ubicaciones/{ubicacion_id}/productos`. */
export const locationPageSchema = z.object({
  data: z.array(locationProductSchema),
  siguiente: z.string().optional().meta({ description: 'Cursor of the next page; absent on the last one' }),
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
  tipo: z.enum(MOVEMENT_TYPES).meta({ description: 'TRANSFERENCIA: one side of a move between locations (two entries, -q and +q)' }),
  cantidad: z.int().meta({ description: 'Signed stock delta; 0 for BAJA' }),
  stock_resultante: z.int().meta({ description: "The product's total stock after it" }),
  fecha: z.string().meta({ description: 'ISO 8601' }),
  ubicacion_id: ubicacionIdSchema.optional().meta({ description: 'Where the stock changed; absent means CENTRAL' }),
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
    .array(
      z.object({
        producto_id: z.string(),
        cantidad: z.int().meta({ description: 'Signed stock delta this command applied' }),
        stock_resultante: z.int().meta({ description: "The product's total stock after it" }),
        ubicacion_id: z.string().optional().meta({ description: 'On lines that name a location, and every line of a transfer or reservation step' }),
        stock_ubicacion: z.int().optional().meta({ description: "The location's stock after it" }),
        reservado: z.int().optional().meta({ description: "Units held at the location after it" }),
        disponible: z.int().optional().meta({ description: 'stock_ubicacion - reservado after it' }),
      }),
    )
    .optional(),
});

const reservationLineSchema = z.object({ producto_id: productoIdSchema, ubicacion_id: ubicacionIdSchema, cantidad: z.int().min(1) });

/** `GET /reservas/{orden_id}` once the hold exists. */
export const reservationSchema = z
  .object({
    orden_id: z.string(),
    tipo: z.literal('CrearReserva'),
    estado: z.enum(RESERVATION_STATUSES).meta({ description: 'An ACTIVA hold past expira_en reads EXPIRADA' }),
    lineas: z.array(reservationLineSchema),
    creada: z.string().meta({ description: 'ISO 8601' }),
    expira_en: z.string().meta({ description: 'ISO 8601: from then on it can no longer be confirmed' }),
    resuelta: z.string().optional().meta({ description: 'ISO 8601: when it left ACTIVA' }),
  })
  .meta({ description: 'The hold' });

/** `GET /reservas/{orden_id}` before the hold exists, or when the command was refused. */
export const pendingReservationSchema = z
  .object({
    orden_id: z.string(),
    tipo: z.literal('CrearReserva'),
    estado: z.enum(['PENDIENTE', 'RECHAZADA']),
    motivo: z.object({ codigo: z.enum(REJECTION_CODES), mensaje: z.string() }).optional(),
  })
  .meta({ description: 'The CrearReserva command, before a hold exists or when it was refused' });

/** What `GET /reservas/{orden_id}` answers. */
export const reservationReadSchema = z.union([reservationSchema, pendingReservationSchema]);

/** `/health` and `/ready`. */
export const healthSchema = z.object({ estado: z.literal('ok') });
