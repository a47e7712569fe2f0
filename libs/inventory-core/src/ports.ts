import type { Command, CommandType, StoreCommand } from './command';
import type { CommandOutcome } from './outcome';
import type { LocationStock } from './domain/location-stock';
import type { LedgerEntry, Product } from './product';
import type { ReservationView } from './reservation';

export interface PageRequest {
  /** 1 to 1000. */
  limit: number;
  /** Opaque cursor from a previous page's `siguiente`. */
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  /** Present when there may be more. */
  siguiente?: string;
}

/**
 * A product as `GET /productos/{producto_id}` answers it: the five fields, and its stock per location
 * once it has any outside CENTRAL or any held units. A product kept at CENTRAL alone, with nothing held
 * (every product of a client that never names a location), reads exactly as before locations existed.
 */
export type ProductDetail = Product & { ubicaciones?: LocationStock[] };

/** A product as one location's listing shows it: its stock, held units and `disponible` there. */
export type LocationProduct = Pick<Product, 'producto_id' | 'nombre' | 'estado'> & LocationStock;

/** The reads of the contract; answered by `apps/consultar-inventario`. */
export interface InventoryQueries {
  getProduct(productoId: string): Promise<Product | undefined>;
  getProductDetail(productoId: string): Promise<ProductDetail | undefined>;
  listLocationProducts(ubicacionId: string, request: PageRequest): Promise<Page<LocationProduct>>;
  getReservation(ordenId: string): Promise<ReservationView | undefined>;
  listProducts(request: PageRequest & { soloActivos: boolean }): Promise<Page<Product>>;
  listMovements(productoId: string, request: PageRequest): Promise<Page<LedgerEntry>>;
  getCommand(type: CommandType, ordenId: string): Promise<CommandOutcome | undefined>;
  /** Resolves when the store answers; rejects otherwise (for `/ready`). */
  ping(): Promise<void>;
}

/** What the gateway records when it accepts a command, so `estado_url` answers PENDIENTE at once. */
export interface AcceptedCommand {
  type: CommandType;
  ordenId: string;
  /** `commandFingerprint` of the payload. */
  fingerprint: string;
  correlationId: string;
  acceptedAt: Date;
}

/** Whether {@link CommandIntake.recordAccepted} wrote the record, or found one there already. */
export interface RecordAcceptedResult {
  created: boolean;
}

export interface CommandIntake {
  /** Records the command as PENDIENTE unless a record already exists (never overwrites). */
  recordAccepted(command: AcceptedCommand): Promise<RecordAcceptedResult>;
  /**
   * Takes back a PENDIENTE record this very acceptance wrote (same fingerprint and acceptance time),
   * when its message could not be published: nothing would ever finish it. Leaves any other record.
   */
  withdrawAccepted(command: AcceptedCommand): Promise<void>;
}

/** A {@link CommandIntake} that also records many commands in one call (the gateway coalesces its requests' records into it). */
export interface BatchCommandIntake extends CommandIntake {
  /** {@link CommandIntake.recordAccepted} for each command, in as few writes as the store allows; one result per command, in order. */
  recordAcceptedMany(commands: readonly AcceptedCommand[]): Promise<RecordAcceptedResult[]>;
}

export interface ApplyContext {
  fingerprint: string;
  correlationId: string;
  now: Date;
  /**
   * When the gateway accepted the command, as it wrote it in the PENDIENTE record's `recibida` (the
   * envelope's `ocurrido`). Known, it lets the final record be written whole without reading the pending
   * one; unknown, the write keeps the pending one's time.
   */
  acceptedAt?: string;
}

export interface ApplyResult {
  outcome: CommandOutcome;
  /**
   * True when this call changed nothing because the command already had a final outcome
   * (a redelivery or a retry); the outcome is then the recorded one.
   */
  alreadyFinal: boolean;
}

/** A command whose message was authentically signed but could not be read as the command. */
export interface UnreadableCommand {
  type: CommandType;
  ordenId: string;
  correlationId: string;
  now: Date;
}

/** Applies commands: one transaction each, idempotent by (type, orden_id). */
export interface CommandApplier {
  apply(command: Command, context: ApplyContext): Promise<ApplyResult>;
  /**
   * Records the command RECHAZADA with `MENSAJE_INVALIDO` unless it is final already, changing no
   * product; answers its final outcome.
   */
  refuseUnreadable(command: UnreadableCommand): Promise<ApplyResult>;
}

/** One command of a group and the context it is applied with (a client's, or the sweeper's expiry). */
export interface CommandToApply {
  command: StoreCommand;
  context: ApplyContext;
}

/**
 * What became of one command of a group: its result, or the error that kept it from being settled
 * (transient: nothing of it was written, or it was and a later delivery finds its record).
 */
export type BatchApplyResult = { ok: true; result: ApplyResult } | { ok: false; error: unknown };

/** What applying one group cost: the store's round trips, and the items its committed transactions wrote. */
export interface GroupWork {
  /** Read requests (`BatchGetItem`): none when every state was known. */
  reads: number;
  /** Write transactions sent, committed or cancelled. */
  transactions: number;
  /** Items of the transactions that committed: per product one, per command its record and ledger entries. */
  itemsWritten: number;
}

/**
 * Applies a group of commands together (group commit): one read of all their products, decided in
 * order, written in as few transactions as possible, each command still all or nothing and applied once.
 */
export interface CommandBatchApplier {
  /**
   * One result per command, in the order given; never rejects for a single command's fault. `onWork`,
   * when given, is told once what the group cost in store calls.
   */
  applyBatch(batch: readonly CommandToApply[], onWork?: (work: GroupWork) => void): Promise<BatchApplyResult[]>;
  /** As {@link CommandApplier.refuseUnreadable}: a batch's unreadable messages are refused one by one. */
  refuseUnreadable(command: UnreadableCommand): Promise<ApplyResult>;
}
