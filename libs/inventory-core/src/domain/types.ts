import type { Rejection } from '../outcome';
import type { MovementType, Product } from '../product';
import type { Reservation, ReservationStatus } from '../reservation';

/**
 * The counts a product keeps per location: `stock` for each location other than CENTRAL (whose stock is
 * the rest of the total), `reservado` for every location with holds. Absent: everything is at CENTRAL,
 * nothing is held.
 */
export interface LocationCounts {
  stock: Readonly<Record<string, number>>;
  reservado: Readonly<Record<string, number>>;
}

/**
 * A product as the store holds it: the contract's fields plus `version`, which counts the changes made
 * to it. Every change raises it by one, so a write conditioned on the version read proves that nothing
 * changed in between (its counts per location included); it is also the sort key of the product's ledger.
 */
export type VersionedProduct = Product & { version: number; porUbicacion?: LocationCounts };

/**
 * What the store read of a command's products, by `producto_id`; `undefined` (or no entry) when the
 * product does not exist.
 */
export type ProductStates = ReadonlyMap<string, VersionedProduct | undefined>;

/** Fields of a product that a command sets besides its stock. */
export type ProductFields = Partial<Pick<Product, 'nombre' | 'precio' | 'estado'>>;

/**
 * A business condition the product must still meet when the change is written. The version condition
 * already implies it; it is kept so the write states its rule and never depends on that argument alone.
 */
export interface ChangeGuard {
  /** The stock the product must have at least (a sale's `cantidad`). */
  minStock: number;
  /** The product must be active. */
  mustBeActive: boolean;
}

/** How one product changes when a command applies. */
export interface LineChange {
  productoId: string;
  /** The version the product must still have; `undefined` when this line creates the product. */
  expectedVersion: number | undefined;
  /** `expectedVersion + 1`, or 1 for a product this line creates; the sort key of its ledger entry. */
  newVersion: number;
  /** Signed stock change; the store applies it as a delta, never as an absolute value. */
  delta: number;
  /** Stock after the change: stock read + `delta` (or `delta` for a new product). */
  stockResultante: number;
  /** Fields set besides the stock; for a created product, all of them. */
  set: ProductFields;
  /** Type of the ledger entry this line writes; `undefined` when it writes none (no stock count given). */
  movement: MovementType | undefined;
  guard?: ChangeGuard;
  /**
   * The location whose stock `delta` changes and whose holds `reservedDelta` changes. Absent for a line
   * that names no location (CENTRAL), which then looks exactly as before locations existed.
   */
  ubicacionId?: string;
  /** Signed change of the units held at the location; absent: 0. */
  reservedDelta?: number;
  /** The location after the change (its stock and held units), on a line that names its location. */
  locationAfter?: { stock: number; reservado: number };
}

/** What an applied command does to a reservation: makes it, or moves it out of ACTIVA. */
export type ReservationChange =
  | { kind: 'create'; reservation: Reservation }
  | { kind: 'settle'; ordenId: string; to: Exclude<ReservationStatus, 'ACTIVA'> };

/** The command applies: every line changes, in one transaction. */
export interface ApplyDecision {
  kind: 'apply';
  changes: LineChange[];
  /** For the steps of a reservation. */
  reservation?: ReservationChange;
}

/** The command is refused as a whole; nothing changes but its record. */
export interface RejectDecision {
  kind: 'reject';
  rejection: Rejection;
}

/**
 * What a command does to the state it was decided from. Pure data: the store turns it into one
 * transaction conditioned on that state.
 */
export type Decision = ApplyDecision | RejectDecision;
