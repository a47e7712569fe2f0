import * as z from 'zod';
import { COMMAND_TYPES } from '@inventario/inventory-core';
import { correlationIdSchema } from './correlation-id';

/**
 * What travels on a command topic: the client's raw body (base64, byte-exact so its signature can be
 * checked again) and its `X-Signature` header, with the id the gateway resolved and the correlation id.
 */
export const commandEnvelopeSchema = z.object({
  /** Unique per publish. */
  id: z.string().min(1),
  tipo: z.enum(COMMAND_TYPES),
  /** When the gateway accepted it: an ISO 8601 date-time (`Z` or an offset), as `Date#toISOString` writes. */
  ocurrido: z.iso.datetime({ offset: true }),
  /** The request's correlation id: 1 to 128 letters, digits or `-_.:`, the gateway's rule. */
  correlation_id: correlationIdSchema,
  /** The command's id: the body's `orden_id`, else `Idempotency-Key`, else made by the gateway. */
  orden_id: z.string().min(1),
  /** Raw request body, base64. */
  cuerpo: z.string(),
  /** The request's `X-Signature` header. */
  firma: z.string(),
  /**
   * The path the request was sent to, without its query (`/dev/orden-venta`): a `v2` signature covers
   * it, so the consumer checks it again. Absent in messages from before `v2`.
   */
  ruta: z.string().max(512).optional(),
});

export type CommandEnvelope = z.infer<typeof commandEnvelopeSchema>;

/** Names of the SNS/SQS message attributes every message carries. */
export const MESSAGE_ATTRIBUTES = {
  type: 'tipo',
  correlationId: 'correlation_id',
} as const;
