import * as z from 'zod';

/** `PRO` followed by 3 or more digits, as in the old system's table. */
export const productoIdSchema = z
  .string({ error: 'must be a string like PRO001' })
  .regex(/^PRO\d{3,}$/, { error: 'must be PRO followed by 3 or more digits' })
  .meta({ description: 'Product id: PRO followed by 3 or more digits', examples: ['PRO001'] });

const ORDEN_ID_PATTERN = /^[A-Za-z0-9\-_.:]{1,64}$/;

/** Tells whether a string can name a command (`orden_id` or `Idempotency-Key`). */
export function isValidOrdenId(value: string): boolean {
  return ORDEN_ID_PATTERN.test(value);
}

/** 1 to 64 letters, digits or `-_.:`; an integer is read as its decimal string. */
export const ordenIdSchema = z
  .union([
    z.string().regex(ORDEN_ID_PATTERN, { error: 'must be 1 to 64 letters, digits or -_.:' }),
    z.int({ error: 'must be a string or an integer' }).transform((n) => String(n)),
  ], { error: 'must be 1 to 64 letters, digits or -_.:, or an integer' })
  .pipe(z.string().regex(ORDEN_ID_PATTERN, { error: 'must be 1 to 64 letters, digits or -_.:' }))
  .meta({ description: 'Command id: 1 to 64 letters, digits or -_.:; an integer is read as its decimal string' });

/** A location (store, warehouse): 1 to 32 capital letters, digits, `_` or `-`; absent means `CENTRAL`. */
export const ubicacionIdSchema = z
  .string({ error: 'must be a string like TIENDA-01' })
  .regex(/^[A-Z0-9_-]{1,32}$/, { error: 'must be 1 to 32 capital letters, digits, _ or -' })
  .meta({ description: 'Location id: 1 to 32 of A-Z, 0-9, _ and -; absent means CENTRAL', examples: ['CENTRAL', 'TIENDA-01'] });

/** Tells whether a string can name a location (the path of `/ubicaciones/{ubicacion_id}/productos`). */
export function isValidUbicacionId(value: string): boolean {
  return ubicacionIdSchema.safeParse(value).success;
}

export const MIN_HOLD_SECONDS = 60;
export const MAX_HOLD_SECONDS = 86_400;
export const DEFAULT_HOLD_SECONDS = 900;

/** How long a hold lasts: whole seconds, 60 to 86,400 (a day); 900 when absent. */
export const expiraEnSSchema = z
  .int({ error: 'must be an integer number of seconds' })
  .min(MIN_HOLD_SECONDS, { error: `must be at least ${MIN_HOLD_SECONDS}` })
  .max(MAX_HOLD_SECONDS, { error: `must be at most ${MAX_HOLD_SECONDS}` })
  .meta({ description: 'Seconds until the hold expires (default 900)' });

export const MAX_CANTIDAD = 1_000_000;

/** Units in a purchase or sale line: an integer from 1 to 1,000,000. */
export const cantidadSchema = z
  .int({ error: 'must be an integer' })
  .min(1, { error: 'must be at least 1' })
  .max(MAX_CANTIDAD, { error: 'must be at most 1000000' });

/** A stock count set by an update: an integer from 0 to 1,000,000. */
export const stockCountSchema = z
  .int({ error: 'must be an integer' })
  .min(0, { error: 'must be at least 0' })
  .max(MAX_CANTIDAD, { error: 'must be at most 1000000' });

/** Largest price whose cents a double still holds exactly. */
export const MAX_PRECIO = Math.floor(Number.MAX_SAFE_INTEGER / 100);

/** A price: a number >= 0 with at most 2 decimals. */
export const precioSchema = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must be 0 or more' })
  .max(MAX_PRECIO, { error: `must be at most ${MAX_PRECIO}` })
  .refine(hasAtMostTwoDecimals, { error: 'must have at most 2 decimals' });

function hasAtMostTwoDecimals(value: number): boolean {
  const cents = value * 100;
  return Math.abs(cents - Math.round(cents)) < 1e-6;
}

/** A product name: 1 to 200 characters (code points) once trimmed. */
export const nombreSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .refine((s) => countCodePoints(s) >= 1, { error: 'must not be empty' })
  .refine((s) => countCodePoints(s) <= 200, { error: 'must be at most 200 characters' });

function countCodePoints(s: string): number {
  return [...s].length;
}

/** The active flag: a boolean, or the strings "true" / "false" the old clients send. */
export const estadoSchema = z.union(
  [z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true')],
  { error: 'must be true or false' },
);
