import { randomUUID } from 'node:crypto';
import { MESSAGE_ATTRIBUTES, type CommandEnvelope } from '@inventario/events';
import type { CommandType } from '@inventario/inventory-core';
import { signTimestamped } from '@inventario/signature';
import type { RawMessage } from './queues';

/** The key the tests' consumers and CLI runs share. */
export const TEST_KEY = 'inv-test-key';

/** A product id no other test uses. */
export function uniqueProductId(): string {
  return `PRO${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
}

/** An order id no other test uses. */
export function uniqueOrderId(prefix = 'inv'): string {
  return `${prefix}-${randomUUID().slice(0, 13)}`;
}

/** A command as the gateway publishes it: the client's body signed with `key`, in its envelope. */
export function commandMessage(
  tipo: CommandType,
  body: Record<string, unknown>,
  options: { key?: string; acceptedAt?: Date; extraAttributes?: Record<string, string> } = {},
): RawMessage & { envelope: CommandEnvelope } {
  const raw = JSON.stringify(body);
  const acceptedAt = options.acceptedAt ?? new Date();
  const envelope: CommandEnvelope = {
    id: randomUUID(),
    tipo,
    ocurrido: acceptedAt.toISOString(),
    correlation_id: randomUUID(),
    orden_id: String(body.orden_id),
    cuerpo: Buffer.from(raw).toString('base64'),
    firma: signTimestamped(options.key ?? TEST_KEY, raw, Math.floor(acceptedAt.getTime() / 1000)),
  };
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
