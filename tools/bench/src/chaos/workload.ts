import { commandEntry, commandPath } from '@inventario/events';
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

/** The locations of a chaos run besides CENTRAL (which a body names by leaving `ubicacion_id` out). */
export const CHAOS_STORES = ['TIENDA-1', 'TIENDA-2'] as const;

/** How long a chaos hold lasts: the shortest the contract allows, so some expire within the run. */
export const CHAOS_HOLD_SECONDS = 60;

/**
 * Holds of a unit on products of their own that nothing else touches (past the `products` the mix picks
 * from), bought, held and ended after the workload: three are confirmed, three released and three left to
 * expire once they are in, so every ending happens whatever the random mix leaves.
 */
export const PROBES_PER_ENDING = 3;
const PROBE_ENDINGS = ['ConfirmarReserva', 'LiberarReserva', 'expire'] as const;

/** Product ids of the chaos run: a series of their own. */
export function chaosProductId(index: number): string {
  return productId(20, index);
}

/**
 * The commands of a chaos run: first one purchase creating each product, then a mix of single-line sales
 * (22 %), multi-line sales (10 %), purchases (20 %), updates (14 %: stock count, name and price, or
 * re-activation), deletions (6 %), transfers between locations (8 %) and holds of 60 s (20 %) over those
 * products, each with an `orden_id` of its own. A third of the purchases, sales and counts name a store
 * other than CENTRAL.
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
    if (roll < 0.22) add('OrdenVenta', { producto_id: product(), cantidad: random.int(1, 5), ...someStore(random) });
    else if (roll < 0.32) add('OrdenVenta', { items: distinctProducts(random, options.products, random.int(2, 4)).map((id) => ({ producto_id: id, cantidad: random.int(1, 3) })) });
    else if (roll < 0.52) add('OrdenCompra', { producto_id: product(), cantidad: random.int(1, 50), nombre: 'Caos', precio: 1, ...someStore(random) });
    else if (roll < 0.66) add('ActualizarProducto', { producto_id: product(), ...updateFields(random) });
    else if (roll < 0.72) add('EliminarProducto', { producto_id: product() });
    else if (roll < 0.8) add('TransferirStock', { producto_id: product(), ...twoLocations(random), cantidad: random.int(1, 10) });
    else add('CrearReserva', { items: distinctProducts(random, options.products, random.int(1, 2)).map((id) => ({ producto_id: id, cantidad: random.int(1, 3), ...someStore(random) })), expira_en_s: CHAOS_HOLD_SECONDS });
  }
  return commands;
}

/**
 * The steps of the holds of a workload, sent once the holds are in: 40 % confirmed, 30 % released, 10 %
 * both at once (racing each other), 20 % left to expire.
 */
export function buildReservationSteps(workload: readonly ChaosCommand[], seed: number): ChaosCommand[] {
  const random = seededRandom(seed + 1);
  const steps: ChaosCommand[] = [];
  const step = (type: 'ConfirmarReserva' | 'LiberarReserva', holdId: string): void => {
    // Signed v1 (body only), so the body names the hold.
    steps.push({ type, route: commandPath(commandEntry(type), holdId), ordenId: holdId, body: { orden_id: holdId } });
  };
  for (const hold of workload.filter((command) => command.type === 'CrearReserva')) {
    const roll = random.next();
    if (roll < 0.4) step('ConfirmarReserva', hold.ordenId);
    else if (roll < 0.7) step('LiberarReserva', hold.ordenId);
    else if (roll < 0.8) {
      step('ConfirmarReserva', hold.ordenId);
      step('LiberarReserva', hold.ordenId);
    }
  }
  return steps;
}

/** The probes (see {@link PROBES_PER_ENDING}): their products' purchases, their holds, and the steps that end them. */
export function buildProbes(options: WorkloadOptions): { purchases: ChaosCommand[]; holds: ChaosCommand[]; steps: ChaosCommand[] } {
  const purchases: ChaosCommand[] = [];
  const holds: ChaosCommand[] = [];
  const steps: ChaosCommand[] = [];
  PROBE_ENDINGS.forEach((ending, e) => {
    for (let i = 0; i < PROBES_PER_ENDING; i++) {
      const index = e * PROBES_PER_ENDING + i;
      const producto_id = chaosProductId(options.products + index);
      const purchaseId = orderId('chaos-sonda-compra', index);
      purchases.push({
        type: 'OrdenCompra',
        route: commandEntry('OrdenCompra').route,
        ordenId: purchaseId,
        body: { orden_id: purchaseId, producto_id, cantidad: 10, nombre: `Caos sonda ${index}`, precio: 1 },
      });
      const ordenId = orderId('chaos-sonda', index);
      const body = { orden_id: ordenId, items: [{ producto_id, cantidad: 1 }], expira_en_s: CHAOS_HOLD_SECONDS };
      holds.push({ type: 'CrearReserva', route: commandEntry('CrearReserva').route, ordenId, body });
      if (ending !== 'expire') steps.push({ type: ending, route: commandPath(commandEntry(ending), ordenId), ordenId, body: { orden_id: ordenId } });
    }
  });
  return { purchases, holds, steps };
}

function someStore(random: Random): { ubicacion_id?: string } {
  const pick = random.int(0, 2);
  return pick === 0 ? {} : { ubicacion_id: CHAOS_STORES[pick - 1] as string };
}

function twoLocations(random: Random): { desde: string; hacia: string } {
  const all = ['CENTRAL', ...CHAOS_STORES];
  const desde = random.int(0, all.length - 1);
  const hacia = (desde + random.int(1, all.length - 1)) % all.length;
  return { desde: all[desde] as string, hacia: all[hacia] as string };
}

function distinctProducts(random: Random, products: number, count: number): string[] {
  const ids = new Set<string>();
  while (ids.size < Math.min(count, products)) ids.add(chaosProductId(random.int(0, products - 1)));
  return [...ids];
}

function updateFields(random: Random): Record<string, unknown> {
  const kind = random.int(0, 4);
  if (kind === 0) return { cantidad: random.int(0, 100) };
  if (kind === 1) return { nombre: `Caos renombrado ${random.int(0, 999)}`, precio: random.int(1, 900) / 10 };
  if (kind === 2) return { estado: true };
  if (kind === 3) return { cantidad: random.int(0, 30), ubicacion_id: CHAOS_STORES[random.int(0, CHAOS_STORES.length - 1)] };
  return { cantidad: random.int(0, 60), estado: true };
}
