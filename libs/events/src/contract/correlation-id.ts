import * as z from 'zod';

/** The contract's rule for a correlation id: 1 to 128 letters, digits or `-_.:`. */
const CORRELATION_ID_PATTERN = /^[A-Za-z0-9\-_.:]{1,128}$/;

/**
 * Tells whether a string may serve as a correlation id: 1 to 128 letters, digits or `-_.:` (the
 * contract's rule for `x-correlation-id`). The gateway keeps a client's id only when it passes, and a
 * consumer refuses a message whose envelope breaks it: the id is repeated in every log line, the command
 * record and the outcome event, so nothing longer or stranger may travel under that name.
 *
 * @example
 * isValidCorrelationId('pedido-42:reintento.1'); // true
 * isValidCorrelationId('a\nb');                   // false
 */
export function isValidCorrelationId(value: string): boolean {
  return CORRELATION_ID_PATTERN.test(value);
}

/** A correlation id in a schema (the command envelope): {@link isValidCorrelationId}'s rule. */
export const correlationIdSchema = z
  .string()
  .regex(CORRELATION_ID_PATTERN, { error: 'must be 1 to 128 letters, digits or -_.:' })
  .meta({ description: 'Correlation id: 1 to 128 letters, digits or -_.:' });
