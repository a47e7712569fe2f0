import { COMMAND_TYPES } from '@inventario/inventory-core';
import * as z from 'zod';

const pageSchema = z.object({ limit: z.int().min(1).max(1000), cursor: z.string().optional() });

/**
 * A read, as the gateway sends it to `apps/consultar-inventario` (in-process locally, a Lambda invoke
 * on AWS).
 */
export const queryRequestSchema = z.discriminatedUnion('consulta', [
  z.object({ consulta: z.literal('producto'), producto_id: z.string() }),
  z.object({ consulta: z.literal('producto_detalle'), producto_id: z.string() }),
  z.object({ consulta: z.literal('ubicacion'), ubicacion_id: z.string(), pagina: pageSchema }),
  z.object({ consulta: z.literal('reserva'), orden_id: z.string() }),
  z.object({ consulta: z.literal('inventario'), pagina: pageSchema, solo_activos: z.boolean() }),
  z.object({ consulta: z.literal('movimientos'), producto_id: z.string(), pagina: pageSchema }),
  z.object({ consulta: z.literal('comando'), tipo: z.enum(COMMAND_TYPES), orden_id: z.string() }),
  z.object({ consulta: z.literal('ping') }),
]);

export type QueryRequest = z.infer<typeof queryRequestSchema>;

/** The answer: the read's value, or an error with the contract's code. */
export type QueryResponse =
  | { ok: true; value: unknown }
  | { ok: false; codigo: string; error: string };
