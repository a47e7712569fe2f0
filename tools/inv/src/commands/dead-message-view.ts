import { deadMessageIdentity, type DeadMessage } from '@inventario/dead-letters';
import { formatInstant } from '../output/format';
import type { Cell } from '../output/table';

/** A dead message as JSON for scripts: everything decoded, the raw body included. */
export function deadMessageJson(message: DeadMessage): Record<string, unknown> {
  return {
    ...deadMessageIdentity(message),
    cuerpo: message.command ?? null,
    receive_count: message.receiveCount ?? null,
    accepted_at: message.acceptedAt?.toISOString() ?? null,
    first_received_at: message.firstReceivedAt?.toISOString() ?? null,
    motivo_cuarentena: message.quarantine?.motivo ?? null,
    detalle_cuarentena: message.quarantine?.detalle ?? null,
    firma: message.signature,
    tampered: message.tampered,
    body: message.body,
  };
}

/** Column titles of {@link deadMessageRow}. */
export const DEAD_MESSAGE_HEAD = ['message', 'tipo', 'orden_id', 'productos', 'receives', 'accepted', 'first seen', 'error', 'firma'];

/** A dead message as a table row for people. */
export function deadMessageRow(message: DeadMessage): Cell[] {
  return [
    message.messageId.slice(0, 8),
    message.tipo,
    message.ordenId,
    message.productIds.join(' ') || undefined,
    message.receiveCount,
    formatInstant(message.acceptedAt),
    formatInstant(message.firstReceivedAt),
    message.quarantine ? `${message.quarantine.motivo}${message.quarantine.detalle ? `: ${message.quarantine.detalle}` : ''}` : undefined,
    message.signature,
  ];
}
