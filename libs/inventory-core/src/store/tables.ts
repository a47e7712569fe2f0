/** Names of the three tables; `product_t` keeps the old system's name and attributes. */
export interface TableNames {
  products: string;
  ledger: string;
  commands: string;
}

export const DEFAULT_TABLE_NAMES: TableNames = {
  products: 'product_t',
  ledger: 'movimientos_t',
  commands: 'comandos_t',
};

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

/** A table's key schema, from which local provisioning and SST both create it. */
export interface TableDefinition {
  role: keyof TableNames;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

/**
 * - products: one item per product (`producto_id`, `nombre`, `stock`, `precio`, `estado`, plus `version`).
 * - ledger: one item per stock change, sorted by the product's version, so a Query newest-first is the
 *   ledger in order.
 * - commands: one record per (command type, `orden_id`): fingerprint, status and outcome.
 */
export const TABLE_DEFINITIONS: readonly TableDefinition[] = [
  { role: 'products', partitionKey: { name: 'producto_id', type: 'S' } },
  {
    role: 'ledger',
    partitionKey: { name: 'producto_id', type: 'S' },
    sortKey: { name: 'version', type: 'N' },
  },
  { role: 'commands', partitionKey: { name: 'comando_id', type: 'S' } },
];
