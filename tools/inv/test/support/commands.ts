import { MESSAGE_ATTRIBUTES, type CommandEnvelope } from '@inventario/events';
import type { CommandType } from '@inventario/inventory-core';
import { signedEnvelope, uniqueOrderId, uniqueProductId } from '@inventario/local-stack';
import type { RawMessage } from './queues';


/** The key the tests' consumers and CLI runs share. */
export const TEST_KEY = 'inv-test-key';

/** A command as the gateway publishes it: the client's body signed with `key`, in its envelope. */
export function commandMessage(
  tipo: CommandType,
  body: Record<string, unknown>,
  options: { key?: string; acceptedAt?: Date; extraAttributes?: Record<string, string> } = {},
): RawMessage & { envelope: CommandEnvelope } {
  const envelope = signedEnvelope(tipo, body, options.key ?? TEST_KEY, { ...(options.acceptedAt && { acceptedAt: options.acceptedAt }) });
  const attributes: RawMessage['attributes'] = {
    [MESSAGE_ATTRIBUTES.type]: { DataType: 'String', StringValue: tipo },
    [MESSAGE_ATTRIBUTES.correlationId]: { DataType: 'String', StringValue: envelope.correlation_id },
  };
  for (const [name, value] of Object.entries(options.extraAttributes ?? {})) attributes[name] = { DataType: 'String', StringValue: value };
  return { envelope, body: JSON.stringify(envelope), attributes };
}

/** A purchase of a new product. */
export function purchase(options: { ordenId?: string; productoId?: string; cantidad?: number; key?: string; acceptedAt?: Date } = {}) {
  return commandMessage(
    'OrdenCompra',
    {
      orden_id: options.ordenId ?? uniqueOrderId(),
      producto_id: options.productoId ?? uniqueProductId(),
      cantidad: options.cantidad ?? 1,
      nombre: 'Replay',
      precio: 1,
    },
    { ...(options.key !== undefined && { key: options.key }), ...(options.acceptedAt && { acceptedAt: options.acceptedAt }) },
  );
}

/** The order id inside a message body. */
export function ordenIdOf(body: string): string {
  return (JSON.parse(body) as CommandEnvelope).orden_id;
}
