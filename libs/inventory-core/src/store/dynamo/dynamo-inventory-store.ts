import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Command, CommandType } from '../../command';
import { PENDING_COMMAND_LIFETIME_MS, type CommandOutcome } from '../../outcome';
import type {
  AcceptedCommand,
  ApplyContext,
  RecordAcceptedResult,
  UnreadableCommand,
  ApplyResult,
  BatchApplyResult,
  CommandApplier,
  CommandBatchApplier,
  BatchCommandIntake,
  CommandToApply,
  GroupWork,
  InventoryQueries,
  LocationProduct,
  Page,
  ProductDetail,
  PageRequest,
} from '../../ports';
import { productLocations } from '../../domain/location-stock';
import type { VersionedProduct } from '../../domain/types';
import type { LedgerEntry, Product } from '../../product';
import { reservationView, type Reservation, type ReservationView } from '../../reservation';
import type { TableNames } from '../tables';
import { n, s } from './attributes';
import type { ApplySettings } from './apply-commands';
import { applyCommand } from './apply-command';
import { applyCommands } from './apply-commands';
import { commandKey, commandRecordFromItem } from './command-record';
import { listMovements } from './list-movements';
import { expireDue, markNoticePublished, pendingNotices } from './expire-due';
import { listLocationProducts, listProducts } from './list-products';
import { reservationFromItem } from './reservation-item';
import { productFromItem, publicProduct } from './product-item';
import { outcomeAsRead } from './pending-expiry';
import { recordAccepted } from './record-accepted';
import { recordAcceptedMany } from './record-accepted-many';
import { refuseUnreadable } from './refuse-unreadable';
import { DEFAULT_PRODUCT_CACHE_SIZE, ProductStateCache } from './product-state-cache';
import { withdrawAccepted } from './withdraw-accepted';

/** Default of {@link DynamoInventoryStoreOptions.maxConflictRetries}. */
export const DEFAULT_MAX_CONFLICT_RETRIES = 50;

/** How to reach the tables. */
export interface DynamoInventoryStoreOptions {
  client: DynamoDBClient;
  tables: TableNames;
  /**
   * How many times a command is decided again after its products changed under it, before
   * `apply` throws `ConflictRetriesExhaustedError` (default 50). A product can only change under a
   * command as often as other commands succeed on it, so this bounds the wait on a hot product.
   */
  maxConflictRetries?: number;
  /**
   * How long a command may stay PENDIENTE before it reads, and is refused, as `MENSAJE_CADUCADO`
   * (default {@link PENDING_COMMAND_LIFETIME_MS}; shorter only in tests).
   */
  pendingLifetimeMs?: number;
  /** Clock of the reads; default `() => new Date()`. */
  now?: () => Date;
  /**
   * How many products' states this store keeps from its own writes, to decide the next group on them
   * without reading them (default {@link DEFAULT_PRODUCT_CACHE_SIZE}; 0: every group reads them). Safe
   * with other writers: every write is conditioned on the version the state has (see `ProductStateCache`).
   */
  productCacheSize?: number;
}

/**
 * The inventory on DynamoDB: `product_t`, its ledger `movimientos_t` and the command records
 * `comandos_t`. Every command applies in one transaction conditioned on the versions it was decided
 * from; every read is strongly consistent.
 *
 * @example
 * ```ts
 * const store = new DynamoInventoryStore({ client: new DynamoDBClient({}), tables: DEFAULT_TABLE_NAMES });
 * const { outcome } = await store.apply(command, { fingerprint: commandFingerprint(command), correlationId, now: new Date() });
 * await store.getProduct('PRO001'); // { producto_id: 'PRO001', nombre: 'Martillo', stock: 7, precio: 25.5, estado: true }
 * ```
 */
export class DynamoInventoryStore implements InventoryQueries, BatchCommandIntake, CommandApplier, CommandBatchApplier {
  private readonly client: DynamoDBClient;
  private readonly tables: TableNames;
  private readonly maxConflictRetries: number;
  private readonly pendingLifetimeMs: number;
  private readonly now: () => Date;
  private readonly cache: ProductStateCache | undefined;

  constructor(options: DynamoInventoryStoreOptions) {
    this.client = options.client;
    this.tables = options.tables;
    this.maxConflictRetries = options.maxConflictRetries ?? DEFAULT_MAX_CONFLICT_RETRIES;
    this.pendingLifetimeMs = options.pendingLifetimeMs ?? PENDING_COMMAND_LIFETIME_MS;
    this.now = options.now ?? (() => new Date());
    const cacheSize = options.productCacheSize ?? DEFAULT_PRODUCT_CACHE_SIZE;
    this.cache = cacheSize > 0 ? new ProductStateCache(cacheSize) : undefined;
  }

  /**
   * Applies a command once: a redelivery returns the recorded outcome with `alreadyFinal`; the same
   * id with another fingerprint is refused with `ORDEN_DUPLICADA` and changes nothing.
   *
   * @throws ConflictRetriesExhaustedError when its products kept changing (transient: retry later).
   */
  apply(command: Command, context: ApplyContext): Promise<ApplyResult> {
    return applyCommand(this.applySettings(), command, context);
  }

  /** Records RECHAZADA `MENSAJE_INVALIDO` for a command whose message could not be read, unless final. */
  refuseUnreadable(command: UnreadableCommand): Promise<ApplyResult> {
    return refuseUnreadable(this.client, this.tables.commands, command);
  }

  /**
   * Applies a group of commands together (group commit): one read, decided in order, as few
   * transactions as the 100-item limit allows; each command all or nothing and applied once, with
   * the same outcome it would have had applied alone in that order. One result per command.
   */
  applyBatch(batch: readonly CommandToApply[], onWork?: (work: GroupWork) => void): Promise<BatchApplyResult[]> {
    return applyCommands(this.applySettings(), batch, onWork);
  }

  /** Records an accepted command as PENDIENTE, unless it already has a record. */
  recordAccepted(command: AcceptedCommand): Promise<RecordAcceptedResult> {
    return recordAccepted(this.client, this.tables.commands, command);
  }

  /** Records many accepted commands as PENDIENTE, each unless it has a record, in one transaction per 100. */
  recordAcceptedMany(commands: readonly AcceptedCommand[]): Promise<RecordAcceptedResult[]> {
    return recordAcceptedMany(this.client, this.tables.commands, commands);
  }

  /** Takes back the PENDIENTE record of an acceptance whose publish failed. */
  withdrawAccepted(command: AcceptedCommand): Promise<void> {
    return withdrawAccepted(this.client, this.tables.commands, command);
  }

  /** One product, with the contract's five fields; `undefined` when it does not exist. */
  async getProduct(productoId: string): Promise<Product | undefined> {
    const product = await this.readProduct(productoId);
    return product && publicProduct(product);
  }

  /**
   * One product, with the contract's five fields and, once it has stock outside CENTRAL or held units,
   * its stock per location (see {@link ProductDetail}); `undefined` when it does not exist.
   */
  async getProductDetail(productoId: string): Promise<ProductDetail | undefined> {
    const product = await this.readProduct(productoId);
    if (!product) return undefined;
    return product.porUbicacion ? { ...publicProduct(product), ubicaciones: productLocations(product) } : publicProduct(product);
  }

  private async readProduct(productoId: string): Promise<VersionedProduct | undefined> {
    const response = await this.client.send(
      new GetItemCommand({ TableName: this.tables.products, Key: { producto_id: s(productoId) }, ConsistentRead: true }),
    );
    return response.Item && productFromItem(response.Item, this.tables.products);
  }

  /**
   * A page of one location's stock: the products it counts or holds, with `stock`, `reservado` and
   * `disponible` there.
   *
   * @throws InvalidCursorError for a cursor that is not one of a product listing.
   */
  listLocationProducts(ubicacionId: string, request: PageRequest): Promise<Page<LocationProduct>> {
    return listLocationProducts(this.client, this.tables.products, ubicacionId, request);
  }

  /** A hold as clients read it (EXPIRADA as soon as it is past its expiry); `undefined` when there is none. */
  async getReservation(ordenId: string): Promise<ReservationView | undefined> {
    const response = await this.client.send(
      new GetItemCommand({ TableName: this.tables.reservations, Key: { orden_id: s(ordenId) }, ConsistentRead: true }),
    );
    return response.Item ? reservationView(reservationFromItem(response.Item, this.tables.reservations), this.now()) : undefined;
  }

  /**
   * The sweeper's step: gives back the units of up to `limit` holds past their expiry (see `expireDue`).
   *
   * @returns the holds it expired; each stays on the notice list until {@link markNoticePublished}.
   */
  expireDue(now: Date, limit = 100): Promise<Reservation[]> {
    return expireDue(this.applySettings(), now, limit);
  }

  /** Expired holds whose `ReservaExpirada` is not published yet. */
  pendingNotices(now: Date, limit = 100): Promise<Reservation[]> {
    return pendingNotices(this.client, this.tables, now, limit);
  }

  /** Marks the `ReservaExpirada` of a hold published. */
  markNoticePublished(ordenId: string): Promise<void> {
    return markNoticePublished(this.client, this.tables, ordenId);
  }

  private applySettings(): ApplySettings {
    return {
      client: this.client,
      tables: this.tables,
      maxConflictRetries: this.maxConflictRetries,
      pendingLifetimeMs: this.pendingLifetimeMs,
      ...(this.cache && { cache: this.cache }),
    };
  }

  /**
   * A page of products (all, or only the active ones).
   *
   * @throws InvalidCursorError for a cursor that is not one of this listing.
   */
  listProducts(request: PageRequest & { soloActivos: boolean }): Promise<Page<Product>> {
    return listProducts(this.client, this.tables.products, request);
  }

  /**
   * A page of a product's ledger, newest first.
   *
   * @throws InvalidCursorError for a cursor that is not one of this product's ledger.
   */
  listMovements(productoId: string, request: PageRequest): Promise<Page<LedgerEntry>> {
    return listMovements(this.client, this.tables.ledger, productoId, request);
  }

  /**
   * A command's outcome as `GET estado_url` answers it; `undefined` when it has no record. A command
   * still PENDIENTE past its lifetime reads RECHAZADA `MENSAJE_CADUCADO`: no message for it is left.
   */
  async getCommand(type: CommandType, ordenId: string): Promise<CommandOutcome | undefined> {
    const response = await this.client.send(
      new GetItemCommand({ TableName: this.tables.commands, Key: { comando_id: s(commandKey(type, ordenId)) }, ConsistentRead: true }),
    );
    if (!response.Item) return undefined;
    return outcomeAsRead(commandRecordFromItem(response.Item, this.tables.commands), this.now(), this.pendingLifetimeMs);
  }

  /** Resolves when each of the four tables answers a read. */
  async ping(): Promise<void> {
    // Reads of a key that never exists: cheap, and they fail if a table is missing or unreachable.
    const absent = '__ping__';
    await Promise.all([
      this.client.send(new GetItemCommand({ TableName: this.tables.products, Key: { producto_id: s(absent) } })),
      this.client.send(new GetItemCommand({ TableName: this.tables.ledger, Key: { producto_id: s(absent), version: n(-1) } })),
      this.client.send(new GetItemCommand({ TableName: this.tables.commands, Key: { comando_id: s(absent) } })),
      this.client.send(new GetItemCommand({ TableName: this.tables.reservations, Key: { orden_id: s(absent) } })),
    ]);
  }
}
