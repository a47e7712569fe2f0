import type { LedgerEntry, Product } from '@inventario/inventory-core';

/** A product as the console lists it: the contract's fields, and whether its stock is under `STOCK_MINIMO`. */
export interface ConsoleProduct extends Product {
  stock_bajo: boolean;
}

/** The contract's product fields, plus `stock_bajo` (stock under `stockMinimo`, as `StockBajo` decides). */
export function toConsoleProduct(product: Product, stockMinimo: number): ConsoleProduct {
  const { producto_id, nombre, stock, precio, estado } = product;
  return { producto_id, nombre, stock, precio, estado, stock_bajo: stock < stockMinimo };
}

/** Exactly the contract's ledger entry fields. */
export function toConsoleLedgerEntry(entry: LedgerEntry): LedgerEntry {
  const { producto_id, orden_id, tipo, cantidad, stock_resultante, fecha } = entry;
  return { producto_id, orden_id, tipo, cantidad, stock_resultante, fecha };
}
