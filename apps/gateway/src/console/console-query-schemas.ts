import { ordenIdSchema } from '@inventario/inventory-core';
import * as z from 'zod';
import { cursorParamSchema } from '../routes/query-params';

/** Most products one console search page holds. */
export const MAX_SEARCH_LIMIT = 100;

/** `GET /consola/api/productos`: `q` (an id, or part of an id or a name), `limit` 1..100 (default 20), `cursor`. */
export const productSearchQuerySchema = z.object({
  q: z
    .string({ error: 'must be one text' })
    .max(200, { error: 'at most 200 characters' })
    .transform((value) => value.trim())
    .optional(),
  limit: z
    .string({ error: `must be one integer from 1 to ${MAX_SEARCH_LIMIT}` })
    .regex(/^\d{1,3}$/, { error: `must be an integer from 1 to ${MAX_SEARCH_LIMIT}` })
    .transform(Number)
    .pipe(z.int().min(1).max(MAX_SEARCH_LIMIT))
    .optional(),
  cursor: cursorParamSchema.optional(),
});

/** `GET /consola/api/productos/:producto_id`: the ledger page's `cursor`. */
export const productDetailQuerySchema = z.object({ cursor: cursorParamSchema.optional() });

/** `GET /consola/api/colas/:servicio/mensajes`: `orden_id` shows only that command's dead messages, wherever they sit. */
export const peekQuerySchema = z.object({ orden_id: ordenIdSchema.optional() });

/**
 * `POST /consola/api/colas/:servicio/reenvio`: `simulacro` (`true` unless `false` is said: a replay that
 * moves messages must be asked for), `orden_id` to take only that command's messages.
 */
export const replayQuerySchema = z.object({
  simulacro: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((value) => value === 'true')
    .optional(),
  orden_id: ordenIdSchema.optional(),
});
