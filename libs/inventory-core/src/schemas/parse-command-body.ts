import type * as z from 'zod';
import { DEFAULT_HOLD_SECONDS } from './fields';
import { DEFAULT_LOCATION, type CommandPayload, type CommandType, type PurchaseLine, type SaleLine } from '../command';
import {
  deleteBodySchema,
  holdBodySchema,
  reservationStepBodySchema,
  transferBodySchema,
  purchaseItemsBodySchema,
  purchaseSingleBodySchema,
  saleItemsBodySchema,
  saleSingleBodySchema,
  updateBodySchema,
} from './command-bodies';

/** One broken rule, naming the field (`items.1.cantidad`). */
export interface FieldIssue {
  campo: string;
  mensaje: string;
}

export type ParsedBody =
  | { ok: true; ordenId?: string; payload: CommandPayload }
  | { ok: false; detalles: FieldIssue[] };

/**
 * Validates a parsed JSON body of a command route against the contract's rules. Unknown fields are
 * ignored. The result names every broken field, or gives the normalized payload and the body's id.
 */
export function parseCommandBody(type: CommandType, body: unknown): ParsedBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, detalles: [{ campo: '(body)', mensaje: 'must be a JSON object' }] };
  }
  const record = body as Record<string, unknown>;
  switch (type) {
    case 'OrdenCompra':
      return parseLines(record, purchaseSingleBodySchema, purchaseItemsBodySchema, (lines) => ({
        type,
        lines: lines.map(toPurchaseLine),
      }));
    case 'OrdenVenta':
      return parseLines(record, saleSingleBodySchema, saleItemsBodySchema, (lines) => ({
        type,
        lines: lines.map(toSaleLine),
      }));
    case 'ActualizarProducto':
      return parseUpdate(record);
    case 'EliminarProducto':
      return parseWith(deleteBodySchema, record, (b) => ({ type, productoId: b.producto_id }));
    case 'TransferirStock':
      return parseWith(transferBodySchema, record, (b) =>
        b.desde === b.hacia ? { sameLocation: true } : { type, productoId: b.producto_id, desde: b.desde, hacia: b.hacia, cantidad: b.cantidad },
      );
    case 'CrearReserva':
      return parseWith(holdBodySchema, record, (b) => {
        const repeated = firstRepeatedProduct(b.items);
        if (repeated !== undefined) return { repeated };
        const lines = b.items.map((line) => ({ productoId: line.producto_id, cantidad: line.cantidad, ubicacionId: line.ubicacion_id ?? DEFAULT_LOCATION }));
        return { type, lines, expiraEnS: b.expira_en_s ?? DEFAULT_HOLD_SECONDS };
      });
    case 'ConfirmarReserva':
    case 'LiberarReserva':
      return parseWith(reservationStepBodySchema, record, () => ({ type }));
  }
}

type RawPurchaseLine = z.output<typeof purchaseSingleBodySchema>;
type RawSaleLine = z.output<typeof saleSingleBodySchema>;

function toPurchaseLine(line: RawPurchaseLine): PurchaseLine {
  return {
    productoId: line.producto_id,
    cantidad: line.cantidad,
    ...(line.nombre !== undefined && { nombre: line.nombre }),
    ...(line.precio !== undefined && { precio: line.precio }),
    ...(line.ubicacion_id !== undefined && { ubicacionId: line.ubicacion_id }),
  };
}

function toSaleLine(line: RawSaleLine): SaleLine {
  return { productoId: line.producto_id, cantidad: line.cantidad, ...(line.ubicacion_id !== undefined && { ubicacionId: line.ubicacion_id }) };
}

function parseLines<Line extends { producto_id: string }>(
  body: Record<string, unknown>,
  single: z.ZodType<Line & { orden_id?: string }>,
  multi: z.ZodType<{ orden_id?: string; items: Line[] }>,
  build: (lines: Line[]) => CommandPayload,
): ParsedBody {
  if ('items' in body && 'producto_id' in body) {
    return {
      ok: false,
      detalles: [{ campo: 'items', mensaje: 'a body has either items or producto_id, not both' }],
    };
  }
  if (!('items' in body)) return parseWith(single, body, (b) => build([b]));
  return parseWith(multi, body, (b) => {
    const repeated = firstRepeatedProduct(b.items);
    return repeated === undefined ? build(b.items) : { repeated };
  });
}

function firstRepeatedProduct(lines: { producto_id: string }[]): number | undefined {
  const seen = new Set<string>();
  const index = lines.findIndex((line) => seen.size === seen.add(line.producto_id).size);
  return index === -1 ? undefined : index;
}

function parseUpdate(body: Record<string, unknown>): ParsedBody {
  return parseWith(updateBodySchema, body, (b) => {
    if (b.nombre === undefined && b.precio === undefined && b.cantidad === undefined && b.estado === undefined) {
      return { nothingToChange: true };
    }
    return {
      type: 'ActualizarProducto',
      productoId: b.producto_id,
      ...(b.nombre !== undefined && { nombre: b.nombre }),
      ...(b.precio !== undefined && { precio: b.precio }),
      ...(b.cantidad !== undefined && { cantidad: b.cantidad }),
      ...(b.estado !== undefined && { estado: b.estado }),
      ...(b.ubicacion_id !== undefined && { ubicacionId: b.ubicacion_id }),
    };
  });
}

type RuleBreak = { repeated: number } | { nothingToChange: true } | { sameLocation: true };

function parseWith<T extends { orden_id?: string }>(
  schema: z.ZodType<T>,
  body: Record<string, unknown>,
  build: (parsed: T) => CommandPayload | RuleBreak,
): ParsedBody {
  const result = schema.safeParse(body);
  if (!result.success) {
    return {
      ok: false,
      detalles: result.error.issues.map((issue) => ({
        campo: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
        mensaje: issue.message,
      })),
    };
  }
  const built = build(result.data);
  if ('repeated' in built) {
    return {
      ok: false,
      detalles: [{ campo: `items.${built.repeated}.producto_id`, mensaje: 'a product appears twice' }],
    };
  }
  if ('sameLocation' in built) {
    return { ok: false, detalles: [{ campo: 'hacia', mensaje: 'must be another location than desde' }] };
  }
  if ('nothingToChange' in built) {
    return {
      ok: false,
      detalles: [{ campo: '(body)', mensaje: 'give at least one of nombre, precio, cantidad, estado' }],
    };
  }
  const ordenId = result.data.orden_id;
  return ordenId === undefined ? { ok: true, payload: built } : { ok: true, ordenId, payload: built };
}
