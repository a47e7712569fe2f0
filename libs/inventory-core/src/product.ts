/** A product as clients read it; attribute names are those of table `product_t`. */
export interface Product {
  producto_id: string;
  nombre: string;
  stock: number;
  precio: number;
  estado: boolean;
}

export type MovementType = 'COMPRA' | 'VENTA' | 'AJUSTE' | 'BAJA';

/** One entry of a product's stock ledger. */
export interface LedgerEntry {
  producto_id: string;
  orden_id: string;
  tipo: MovementType;
  /** Signed stock delta; 0 for `BAJA`, which changes only `estado`. */
  cantidad: number;
  stock_resultante: number;
  /** ISO 8601. */
  fecha: string;
}
