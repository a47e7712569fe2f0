import type { CommandEntry, CommandEnvelope, CommandPublisher } from '@inventario/events';
import type {
  AcceptedCommand,
  CommandIntake,
  CommandOutcome,
  CommandType,
  InventoryQueries,
  LedgerEntry,
  LocationProduct,
  LocationStock,
  Page,
  PageRequest,
  Product,
  ProductDetail,
  RecordAcceptedResult,
  ReservationView,
} from '@inventario/inventory-core';

/** Publishes nothing anywhere: keeps every envelope, or fails while `failure` is set. */
export class RecordingPublisher implements CommandPublisher {
  readonly published: { entry: CommandEntry; envelope: CommandEnvelope }[] = [];
  failure: Error | undefined;

  async publish(entry: CommandEntry, envelope: CommandEnvelope): Promise<{ messageId: string }> {
    if (this.failure) throw this.failure;
    this.published.push({ entry, envelope });
    return { messageId: `sns-${this.published.length}` };
  }
}

/** Keeps every accepted and every withdrawn command, or fails while `failure` is set. */
export class RecordingIntake implements CommandIntake {
  readonly recorded: AcceptedCommand[] = [];
  readonly withdrawn: AcceptedCommand[] = [];
  failure: Error | undefined;

  async recordAccepted(command: AcceptedCommand): Promise<RecordAcceptedResult> {
    if (this.failure) throw this.failure;
    this.recorded.push(command);
    return { created: true };
  }

  async withdrawAccepted(command: AcceptedCommand): Promise<void> {
    if (this.failure) throw this.failure;
    this.withdrawn.push(command);
  }
}

/** What the real store throws for a cursor it did not give out: recognised by its `codigo`. */
export class FakeInvalidCursorError extends Error {
  readonly codigo = 'VALIDACION';
  constructor() {
    super('cursor is not valid');
  }
}

/**
 * The reads over in-memory maps, with offset cursors; every method fails while `failure` is set. A
 * product's stock is all at CENTRAL unless {@link InMemoryQueries.setLocations} says otherwise.
 */
export class InMemoryQueries implements InventoryQueries {
  readonly products = new Map<string, Product>();
  readonly locations = new Map<string, LocationStock[]>();
  readonly movements = new Map<string, LedgerEntry[]>();
  readonly commands = new Map<string, CommandOutcome>();
  readonly reservations = new Map<string, ReservationView>();
  readonly pageRequests: (PageRequest & { soloActivos?: boolean; productoId?: string; ubicacionId?: string })[] = [];
  failure: Error | undefined;

  addProduct(product: Product): void {
    this.products.set(product.producto_id, product);
  }

  /** The product's stock per location, CENTRAL first. */
  setLocations(productoId: string, locations: LocationStock[]): void {
    this.locations.set(productoId, locations);
  }

  addReservation(reservation: ReservationView): void {
    this.reservations.set(reservation.orden_id, reservation);
  }

  async getProductDetail(productoId: string): Promise<ProductDetail | undefined> {
    this.failIfDown();
    const product = this.products.get(productoId);
    const ubicaciones = product && this.locations.get(product.producto_id);
    return product && (ubicaciones ? { ...product, ubicaciones } : product);
  }

  async listLocationProducts(ubicacionId: string, request: PageRequest): Promise<Page<LocationProduct>> {
    this.failIfDown();
    this.pageRequests.push({ ...request, ubicacionId });
    const here = [...this.products.values()].flatMap((product) => {
      const location = this.locationsOf(product).find((candidate) => candidate.ubicacion_id === ubicacionId);
      return location ? [{ producto_id: product.producto_id, nombre: product.nombre, estado: product.estado, ...location }] : [];
    });
    return paginate(here, request);
  }

  async getReservation(ordenId: string): Promise<ReservationView | undefined> {
    this.failIfDown();
    return this.reservations.get(ordenId);
  }

  addCommand(type: CommandType, outcome: CommandOutcome): void {
    this.commands.set(`${type}#${outcome.orden_id}`, outcome);
  }

  async getProduct(productoId: string): Promise<Product | undefined> {
    this.failIfDown();
    return this.products.get(productoId);
  }

  async listProducts(request: PageRequest & { soloActivos: boolean }): Promise<Page<Product>> {
    this.failIfDown();
    this.pageRequests.push(request);
    const products = [...this.products.values()].filter((product) => !request.soloActivos || product.estado);
    return paginate(products, request);
  }

  async listMovements(productoId: string, request: PageRequest): Promise<Page<LedgerEntry>> {
    this.failIfDown();
    this.pageRequests.push({ ...request, productoId });
    return paginate(this.movements.get(productoId) ?? [], request);
  }

  async getCommand(type: CommandType, ordenId: string): Promise<CommandOutcome | undefined> {
    this.failIfDown();
    return this.commands.get(`${type}#${ordenId}`);
  }

  async ping(): Promise<void> {
    this.failIfDown();
  }

  private locationsOf(product: Product): LocationStock[] {
    return this.locations.get(product.producto_id) ?? [{ ubicacion_id: 'CENTRAL', stock: product.stock, reservado: 0, disponible: product.stock }];
  }

  private failIfDown(): void {
    if (this.failure) throw this.failure;
  }
}

function paginate<T>(items: T[], request: PageRequest): Page<T> {
  const start = request.cursor === undefined ? 0 : decodeCursor(request.cursor);
  const end = start + request.limit;
  const data = items.slice(start, end);
  return end < items.length ? { data, siguiente: Buffer.from(`offset:${end}`).toString('base64url') } : { data };
}

function decodeCursor(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw new FakeInvalidCursorError();
  return Number(match[1]);
}
