import { commandEntry } from '@inventario/events';
import type { CommandType } from '@inventario/inventory-core';
import { orderId, productId } from '../harness/ids';
import { seededRandom, type Random } from './seeded-random';

/** One command of the chaos run, as a client sends it. */
export interface ChaosCommand {
  type: CommandType;
  route: string;
  ordenId: string;
  body: Record<string, unknown>;
}

/** Size and seed of a workload. */
export interface WorkloadOptions {
  commands: number;
  products: number;
  seed: number;
}

/** Product ids of the chaos run: a series of their own. */
export function chaosProductId(index: number): string {
  return productId(20, index);
}

/**
 * The commands of a chaos run: first one purchase creating each product, then a mix of single-line sales
 * (30 %), multi-line sales (15 %), purchases (25 %), updates (20 %: stock count, name and price, or
 * re-activation) and deletions (10 %) over those products, each with an `orden_id` of its own.
 *
 * @example
 * ```ts
 * buildWorkload({ commands: 5000, products: 300, seed: 1 }).length; // 5000
 * ```
 */
export function buildWorkload(options: WorkloadOptions): ChaosCommand[] {
  const random = seededRandom(options.seed);
  const commands: ChaosCommand[] = [];
  const add = (type: CommandType, body: Record<string, unknown>): void => {
    const ordenId = orderId('chaos', commands.length);
    commands.push({ type, route: commandEntry(type).route, ordenId, body: { orden_id: ordenId, ...body } });
  };
  for (let i = 0; i < Math.min(options.products, options.commands); i++) {
    add('OrdenCompra', { producto_id: chaosProductId(i), cantidad: random.int(20, 100), nombre: `Caos ${i}`, precio: random.int(1, 500) });
  }
  while (commands.length < options.commands) {
    const roll = random.next();
    const product = (): string => chaosProductId(random.int(0, options.products - 1));
    if (roll < 0.3) add('OrdenVenta', { producto_id: product(), cantidad: random.int(1, 5) });
    else if (roll < 0.45) add('OrdenVenta', { items: distinctProducts(random, options.products, random.int(2, 4)).map((id) => ({ producto_id: id, cantidad: random.int(1, 3) })) });
    else if (roll < 0.7) add('OrdenCompra', { producto_id: product(), cantidad: random.int(1, 50), nombre: 'Caos', precio: 1 });
    else if (roll < 0.9) add('ActualizarProducto', { producto_id: product(), ...updateFields(random) });
    else add('EliminarProducto', { producto_id: product() });
  }
  return commands;
}

function distinctProducts(random: Random, products: number, count: number): string[] {
  const ids = new Set<string>();
  while (ids.size < Math.min(count, products)) ids.add(chaosProductId(random.int(0, products - 1)));
  return [...ids];
}

function updateFields(random: Random): Record<string, unknown> {
  const kind = random.int(0, 3);
  if (kind === 0) return { cantidad: random.int(0, 100) };
  if (kind === 1) return { nombre: `Caos renombrado ${random.int(0, 999)}`, precio: random.int(1, 900) / 10 };
  if (kind === 2) return { estado: true };
  return { cantidad: random.int(0, 60), estado: true };
}
