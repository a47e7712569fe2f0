import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DEFAULT_TABLE_NAMES, PACKED_ENTRIES } from '@inventario/inventory-core';

/** A product as stored: its total, and its counts per location other than CENTRAL and its held units. */
export interface StoredProduct {
  producto_id: string;
  stock: number;
  estado: boolean;
  stockUbicacion?: Record<string, number>;
  reservado?: Record<string, number>;
}

/** A ledger entry as stored; no `ubicacion_id` is CENTRAL. */
export interface StoredEntry {
  producto_id: string;
  version: number;
  orden_id: string;
  tipo: string;
  cantidad: number;
  ubicacion_id?: string;
}

/** A command record as stored. */
export interface StoredRecord {
  comando_id: string;
  tipo: string;
  orden_id: string;
  estado: string;
  motivo?: { codigo: string };
  lineas?: { producto_id: string; cantidad: number; stock_resultante: number }[];
}

/** A hold as stored. */
export interface StoredReservation {
  orden_id: string;
  estado: string;
  expira_en: string;
  lineas: { producto_id: string; ubicacion_id: string; cantidad: number }[];
}

/** Everything the invariants are checked against. */
export interface StoredState {
  products: StoredProduct[];
  ledger: StoredEntry[];
  records: StoredRecord[];
  reservations?: StoredReservation[];
}

/**
 * Reads the four tables whole with consistent Scans, keeping products and ledger entries whose id
 * starts with `productPrefix`.
 */
export async function readState(client: DynamoDBClient, productPrefix: string): Promise<StoredState> {
  const [products, ledger, records, reservations] = await Promise.all([
    scanAll(client, DEFAULT_TABLE_NAMES.products),
    scanAll(client, DEFAULT_TABLE_NAMES.ledger),
    scanAll(client, DEFAULT_TABLE_NAMES.commands),
    readReservations(client),
  ]);
  const ours = (item: Record<string, unknown>): boolean => String(item['producto_id']).startsWith(productPrefix);
  return {
    products: products.filter(ours).map((item) => ({
      producto_id: String(item['producto_id']),
      stock: Number(item['stock']),
      estado: item['estado'] !== false,
      stockUbicacion: numbers(item['stock_ubicacion']),
      reservado: numbers(item['reservado']),
    })),
    ledger: ledger.filter(ours).flatMap(storedEntries),
    records: records.map((item) => item as unknown as StoredRecord),
    reservations,
  };
}

/**
 * The entries of a ledger item: itself, or those it packs (`PACKED_ENTRIES`: the entries one transaction made
 * of its product, each with its own version).
 */
function storedEntries(item: Record<string, unknown>): StoredEntry[] {
  const packed = item[PACKED_ENTRIES];
  const parts = Array.isArray(packed) ? (packed as Record<string, unknown>[]) : [item];
  return parts.map((part) => ({
    producto_id: String(item['producto_id']),
    version: Number(part['version']),
    orden_id: String(part['orden_id']),
    tipo: String(part['tipo']),
    cantidad: Number(part['cantidad']),
    ...(typeof part['ubicacion_id'] === 'string' && { ubicacion_id: part['ubicacion_id'] }),
  }));
}

/** The holds, read whole with a consistent Scan (all of them: a hold names its products in its lines). */
export async function readReservations(client: DynamoDBClient): Promise<StoredReservation[]> {
  return (await scanAll(client, DEFAULT_TABLE_NAMES.reservations)).map((item) => item as unknown as StoredReservation);
}

function numbers(value: unknown): Record<string, number> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, units]) => [key, Number(units)]));
}

async function scanAll(client: DynamoDBClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ConsistentRead: true, ...(startKey && { ExclusiveStartKey: startKey }) }));
    for (const item of page.Items ?? []) items.push(unmarshall(item));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
