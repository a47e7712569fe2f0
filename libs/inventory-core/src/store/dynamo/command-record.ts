import { unmarshall } from '@aws-sdk/util-dynamodb';
import { COMMAND_TYPES, type AnyCommandType, type CommandType } from '../../command';
import { StoredItemError } from '../../errors';
import type { CommandOutcome, CommandStatus, OutcomeLine, Rejection } from '../../outcome';
import { REJECTION_CODES } from '../../outcome';
import { readNumber, readString, type Item } from './attributes';

/** Key of a command record: the command's type and its id, so each route has its own ids. */
export function commandKey(type: AnyCommandType, ordenId: string): string {
  return `${type}#${ordenId}`;
}

/** A `comandos_t` item, read. */
export interface CommandRecord {
  outcome: CommandOutcome;
  /** `commandFingerprint` of the payload the record was made for. */
  huella: string;
  /** ISO 8601: when the command was first recorded (accepted, or applied if never accepted). */
  recibida: string | undefined;
}

const STATUSES: readonly string[] = ['PENDIENTE', 'APLICADA', 'RECHAZADA'] satisfies CommandStatus[];

/** Reads a `comandos_t` item. */
export function commandRecordFromItem(item: Item, table: string): CommandRecord {
  const tipo = readString(item['tipo']);
  const ordenId = readString(item['orden_id']);
  const estado = readString(item['estado']);
  const huella = readString(item['huella']);
  if (
    tipo === undefined ||
    !(COMMAND_TYPES as readonly string[]).includes(tipo) ||
    ordenId === undefined ||
    estado === undefined ||
    !STATUSES.includes(estado) ||
    huella === undefined
  ) {
    throw new StoredItemError(table, `command record ${readString(item['comando_id']) ?? '?'} is incomplete`);
  }
  const motivo = item['motivo']?.M ? rejectionOf(unmarshall(item['motivo'].M)) : undefined;
  const lineas = item['lineas']?.L?.map((line) => outcomeLineOf(line.M ?? {}));
  return {
    huella,
    recibida: readString(item['recibida']),
    outcome: {
      orden_id: ordenId,
      tipo: tipo as CommandType,
      estado: estado as CommandStatus,
      ...(motivo && { motivo }),
      ...(lineas && { lineas }),
    },
  };
}

function rejectionOf(value: Record<string, unknown>): Rejection | undefined {
  const { codigo, mensaje } = value;
  if (typeof codigo !== 'string' || !(REJECTION_CODES as readonly string[]).includes(codigo)) return undefined;
  return { codigo: codigo as Rejection['codigo'], mensaje: typeof mensaje === 'string' ? mensaje : '' };
}

function outcomeLineOf(item: Item): OutcomeLine {
  const ubicacionId = readString(item['ubicacion_id']);
  const located = (['stock_ubicacion', 'reservado', 'disponible'] as const).flatMap((field) => {
    const value = readNumber(item[field]);
    return value === undefined ? [] : [[field, value] as const];
  });
  return {
    producto_id: readString(item['producto_id']) ?? '',
    cantidad: readNumber(item['cantidad']) ?? 0,
    stock_resultante: readNumber(item['stock_resultante']) ?? 0,
    ...(ubicacionId !== undefined && { ubicacion_id: ubicacionId }),
    ...Object.fromEntries(located),
  };
}
