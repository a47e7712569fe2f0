/** Names of the four tables; `product_t` keeps the old system's name and attributes. */
export interface TableNames {
  products: string;
  ledger: string;
  commands: string;
  reservations: string;
}

export const DEFAULT_TABLE_NAMES: TableNames = {
  products: 'product_t',
  ledger: 'movimientos_t',
  commands: 'comandos_t',
  reservations: 'reservas_t',
};

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

/** A global secondary index (all attributes projected). */
export interface IndexDefinition {
  name: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

/** A table's key schema, from which local provisioning and SST both create it. */
export interface TableDefinition {
  role: keyof TableNames;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  indexes?: readonly IndexDefinition[];
}

/**
 * The index of the holds still to be given back: sparse (only a hold ACTIVA, or EXPIRADA with its event
 * not yet published, has its keys), sharded over {@link DUE_INDEX_SHARDS} partitions so no one
 * partition takes every hold's writes, sorted by expiry so the sweeper reads only what is due.
 */
export const DUE_INDEX = {
  name: 'por-vencimiento',
  partitionKey: { name: 'vence_particion', type: 'S' },
  sortKey: { name: 'vence', type: 'N' },
} as const satisfies IndexDefinition;

/** Partitions of {@link DUE_INDEX}. */
export const DUE_INDEX_SHARDS = 8;

/**
 * - products: one item per product (`producto_id`, `nombre`, `stock`, `precio`, `estado`, plus `version`).
 * - ledger: the stock changes, sorted by the product's version, so a Query newest-first is the ledger in
 *   order: one item per change, or per product and transaction when a transaction made several (its
 *   `entradas`, keyed by the lowest of their versions).
 * - commands: one record per (command type, `orden_id`): fingerprint, status and outcome.
 * - reservations: one item per hold (`orden_id`): its status, lines and expiry, indexed by
 *   {@link DUE_INDEX} while it is due to be given back.
 */
export const TABLE_DEFINITIONS: readonly TableDefinition[] = [
  { role: 'products', partitionKey: { name: 'producto_id', type: 'S' } },
  {
    role: 'ledger',
    partitionKey: { name: 'producto_id', type: 'S' },
    sortKey: { name: 'version', type: 'N' },
  },
  { role: 'commands', partitionKey: { name: 'comando_id', type: 'S' } },
  { role: 'reservations', partitionKey: { name: 'orden_id', type: 'S' }, indexes: [DUE_INDEX] },
];
