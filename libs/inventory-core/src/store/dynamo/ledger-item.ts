import { StoredItemError } from '../../errors';
import { DEFAULT_LOCATION } from '../../command';
import { MOVEMENT_TYPES, type LedgerEntry, type MovementType } from '../../product';
import { readNumber, readString, type Item } from './attributes';

/**
 * The attribute of a `movimientos_t` item that holds several entries of its product: those one
 * transaction wrote (see `ledgerWrites`). Such an item is keyed by the lowest version among them; an
 * item without it is one entry, keyed by its own version, as every item was before.
 */
export const PACKED_ENTRIES = 'entradas';

/** A ledger entry with the product version it made, which orders the ledger. */
export interface VersionedEntry {
  version: number;
  entry: LedgerEntry;
}

/**
 * Reads a `movimientos_t` item as the contract's ledger entries, newest (highest version) first: one,
 * or the several of a packed item.
 *
 * @throws StoredItemError for an item that is not a ledger entry or a pack of them.
 */
export function ledgerEntriesFromItem(item: Item, table: string): VersionedEntry[] {
  const productoId = readString(item['producto_id']);
  if (productoId === undefined) throw new StoredItemError(table, 'ledger entry without producto_id');
  const packed = item[PACKED_ENTRIES]?.L;
  const parts = packed ? packed.map((value) => value.M ?? {}) : [item];
  return parts.map((part) => versionedEntry(part, productoId, table)).sort((a, b) => b.version - a.version);
}

function versionedEntry(item: Item, productoId: string, table: string): VersionedEntry {
  const version = readNumber(item['version']);
  const tipo = readString(item['tipo']);
  const cantidad = readNumber(item['cantidad']);
  const stockResultante = readNumber(item['stock_resultante']);
  const ubicacionId = readString(item['ubicacion_id']);
  if (version === undefined || tipo === undefined || !(MOVEMENT_TYPES as readonly string[]).includes(tipo)) {
    throw new StoredItemError(table, `ledger entry of ${productoId} without version or with an unknown tipo`);
  }
  if (cantidad === undefined || stockResultante === undefined) {
    throw new StoredItemError(table, `ledger entry of ${productoId} without cantidad or stock_resultante`);
  }
  return {
    version,
    entry: {
      producto_id: productoId,
      orden_id: readString(item['orden_id']) ?? '',
      tipo: tipo as MovementType,
      cantidad,
      stock_resultante: stockResultante,
      fecha: readString(item['fecha']) ?? '',
      ...(ubicacionId !== undefined && ubicacionId !== DEFAULT_LOCATION && { ubicacion_id: ubicacionId }),
    },
  };
}
