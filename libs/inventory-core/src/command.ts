/** The four commands, named as their topics and as the `tipo` of their outcome. */
export const COMMAND_TYPES = ['OrdenCompra', 'OrdenVenta', 'ActualizarProducto', 'EliminarProducto'] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

export interface PurchaseLine {
  productoId: string;
  cantidad: number;
  nombre?: string;
  precio?: number;
}

export interface SaleLine {
  productoId: string;
  cantidad: number;
}

export interface PurchasePayload {
  type: 'OrdenCompra';
  lines: PurchaseLine[];
}

export interface SalePayload {
  type: 'OrdenVenta';
  lines: SaleLine[];
}

export interface UpdatePayload {
  type: 'ActualizarProducto';
  productoId: string;
  nombre?: string;
  precio?: number;
  /** Sets the stock count. */
  cantidad?: number;
  estado?: boolean;
}

export interface DeletePayload {
  type: 'EliminarProducto';
  productoId: string;
}

/** What a validated body asks for, without its id. */
export type CommandPayload = PurchasePayload | SalePayload | UpdatePayload | DeletePayload;

/** A validated command with the id that names it. */
export type Command = CommandPayload & { ordenId: string };
