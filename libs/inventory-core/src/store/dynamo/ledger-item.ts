import { StoredItemError } from '../../errors';
import { DEFAULT_LOCATION } from '../../command';
import { MOVEMENT_TYPES, type LedgerEntry, type MovementType } from '../../product';
import { readNumber, readString, type Item } from './attributes';


/** Reads a `movimientos_t` item as the contract's ledger entry (its `version` sort key stays inside). */
export function ledgerEntryFromItem(item: Item, table: string): LedgerEntry {
  const productoId = readString(item['producto_id']);
  const tipo = readString(item['tipo']);
  const cantidad = readNumber(item['cantidad']);
  const stockResultante = readNumber(item['stock_resultante']);
  const ubicacionId = readString(item['ubicacion_id']);
  if (productoId === undefined || tipo === undefined || !(MOVEMENT_TYPES as readonly string[]).includes(tipo)) {
    throw new StoredItemError(table, 'ledger entry without producto_id or with an unknown tipo');
  }
  if (cantidad === undefined || stockResultante === undefined) {
    throw new StoredItemError(table, `ledger entry of ${productoId} without cantidad or stock_resultante`);
  }
  return {
    producto_id: productoId,
    orden_id: readString(item['orden_id']) ?? '',
    tipo: tipo as MovementType,
    cantidad,
    stock_resultante: stockResultante,
    fecha: readString(item['fecha']) ?? '',
    ...(ubicacionId !== undefined && ubicacionId !== DEFAULT_LOCATION && { ubicacion_id: ubicacionId }),
  };
}
