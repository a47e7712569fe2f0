/** A product as clients read it; attribute names are those of table `product_t`. */
export interface Product {
  producto_id: string;
  nombre: string;
  stock: number;
  precio: number;
  estado: boolean;
}

/** `TRANSFERENCIA`: one side of a move between locations (two entries, summing to 0). */
export const MOVEMENT_TYPES = ['COMPRA', 'VENTA', 'AJUSTE', 'BAJA', 'TRANSFERENCIA'] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** One entry of a product's stock ledger. */
export interface LedgerEntry {
  producto_id: string;
  orden_id: string;
  tipo: MovementType;
  /** Signed stock delta; 0 for `BAJA`, which changes only `estado`. */
  cantidad: number;
  /** The product's total stock after it. */
  stock_resultante: number;
  /** ISO 8601. */
  fecha: string;
  /**
   * Where the stock changed, when it was not CENTRAL: absent means CENTRAL, as in a command's body, so
   * the ledger of a client that never names a location reads as it always did.
   */
  ubicacion_id?: string;
}
