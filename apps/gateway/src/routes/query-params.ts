import type { FieldIssue } from '@inventario/inventory-core';
import * as z from 'zod';
import { MAX_PAGE_LIMIT } from '../constants';
import { validationError } from '../http-errors';

/** `limit`: a whole number from 1 to 1000 written in digits only; default 1000. */
export const limitParamSchema = z
  .string({ error: `must be one integer from 1 to ${MAX_PAGE_LIMIT}` })
  .regex(/^\d{1,7}$/, { error: `must be an integer from 1 to ${MAX_PAGE_LIMIT}` })
  .transform(Number)
  .pipe(
    z
      .int()
      .min(1, { error: `must be an integer from 1 to ${MAX_PAGE_LIMIT}` })
      .max(MAX_PAGE_LIMIT, { error: `must be an integer from 1 to ${MAX_PAGE_LIMIT}` }),
  )
  .meta({ description: `Page size, 1 to ${MAX_PAGE_LIMIT}`, default: MAX_PAGE_LIMIT });

/** `cursor`: the `siguiente` of the previous page; empty means the first page. */
export const cursorParamSchema = z
  .string({ error: 'must be one cursor, the siguiente of the previous page' })
  .transform((value) => (value === '' ? undefined : value))
  .meta({ description: 'The siguiente of the previous page' });

/** `solo_activos`: `true` or `false` (default). */
export const soloActivosParamSchema = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((value) => value === 'true')
  .meta({ description: 'Only active products (estado = true)', default: false });

/** Query of `/obtener-inventario`; unknown parameters are ignored. */
export const inventoryQuerySchema = z.object({
  limit: limitParamSchema.optional(),
  cursor: cursorParamSchema.optional(),
  solo_activos: soloActivosParamSchema.optional(),
});

/** Query of `/productos/{producto_id}/movimientos`; unknown parameters are ignored. */
export const movementsQuerySchema = z.object({
  limit: limitParamSchema.optional(),
  cursor: cursorParamSchema.optional(),
});

/** Query of `/ubicaciones/{ubicacion_id}/productos`: the same page rules as the ledger's. */
export const locationProductsQuerySchema = movementsQuerySchema;

/**
 * Parses a request's query with a schema: the values, or 400 `VALIDACION` naming each bad parameter.
 *
 * @example
 * const { limit } = parseQuery(movementsQuerySchema, req.query);
 */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const result = schema.safeParse(query);
  if (result.success) return result.data;
  throw validationError(result.error.issues.map(toFieldIssue));
}

function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  return { campo: issue.path.length > 0 ? issue.path.map(String).join('.') : '(query)', mensaje: issue.message };
}
