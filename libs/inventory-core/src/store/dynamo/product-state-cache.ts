import type { VersionedProduct } from '../../domain/types';

/** Default of {@link ProductStateCache}'s size: far more products than one consumer's groups touch at once. */
export const DEFAULT_PRODUCT_CACHE_SIZE = 10_000;

/**
 * The state a process's own transactions left each product in, so that its next group can be decided
 * without reading the product again. Never trusted: every write is conditioned on the version the state
 * has, so a product another process changed since cancels the transaction, and the group is decided
 * again from a fresh read (see `applyCommands`). A hot product thus costs no read at all while one
 * consumer has it to itself.
 *
 * Holds the most recently written `maxEntries` products (the oldest are dropped first).
 */
export class ProductStateCache {
  private readonly states = new Map<string, VersionedProduct>();

  constructor(private readonly maxEntries: number = DEFAULT_PRODUCT_CACHE_SIZE) {}

  get(id: string): VersionedProduct | undefined {
    return this.states.get(id);
  }

  /** Keeps `product` as its latest state; a product that no longer exists is forgotten. */
  remember(id: string, product: VersionedProduct | undefined): void {
    this.states.delete(id);
    if (product === undefined || this.maxEntries <= 0) return;
    this.states.set(id, product);
    if (this.states.size > this.maxEntries) {
      const oldest = this.states.keys().next().value;
      if (oldest !== undefined) this.states.delete(oldest);
    }
  }

  /** Forgets products whose state is no longer known: a transaction on them failed, or may have. */
  forget(ids: Iterable<string>): void {
    for (const id of ids) this.states.delete(id);
  }
}
