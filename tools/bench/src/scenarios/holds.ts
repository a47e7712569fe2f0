import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { DEFAULT_TABLE_NAMES } from '@inventario/inventory-core';
import type { OutcomeListener } from '@inventario/local-stack';
import { runClosedLoop } from '../harness/closed-loop';
import type { BenchSystem } from '../harness/bench-system';
import { watchGroupSizes } from '../harness/group-sizes';
import { orderId, productId } from '../harness/ids';
import { percentiles, perSecond } from '../harness/latency';
import { seedProducts } from '../harness/seed-products';
import { figure, type Figure } from '../report/figure';
import { rawTransactions } from './raw-transactions';
import { groupWork } from './work';

/** Size of the holds run. */
export interface HoldsRunOptions {
  holds: number;
  products: number;
  concurrency: number;
}

/**
 * (6) Holds over many products at a fixed concurrency, as (1) for sales: `concurrency` clients each post
 * a hold of one unit (`POST /reservas`), wait for its `ReservaCreada`, then send the next. Baseline: the
 * same transaction (record Put, product Update of its held units conditioned on what is available,
 * reservation Put) sent straight to DynamoDB Local at the same concurrency, on products of their own.
 */
export async function holds(system: BenchSystem, listener: OutcomeListener, key: string, options: HoldsRunOptions): Promise<Figure> {
  const stock = Math.ceil(options.holds / options.products) + 10;
  const ours = Array.from({ length: options.products }, (_, i) => productId(16, i));
  const theirs = Array.from({ length: options.products }, (_, i) => productId(17, i));
  await seedProducts(system.clients.dynamodb, [...ours, ...theirs], stock);

  const groups = watchGroupSizes(system, 'crear-reserva');
  const { latencies, done: created, elapsedMs: elapsed } = await runClosedLoop(system, listener, key, {
    route: '/reservas',
    type: 'CrearReserva',
    body: (i) => ({ orden_id: orderId('bench-reserva', i), items: [{ producto_id: ours[i % ours.length], cantidad: 1 }] }),
    done: 'ReservaCreada',
    count: options.holds,
    concurrency: options.concurrency,
  });
  const sizes = groups.stop();

  const raw = await rawTransactions(system.clients.dynamodb, options.holds, options.concurrency, (i) => holdItems(theirs[i % theirs.length] ?? '', orderId('raw-reserva', i)), PRODUCT_ITEM);
  const ourLatency = percentiles(latencies);
  return figure({
    name: `(6) holds, ${options.holds} of 1 unit over ${options.products} products, ${options.concurrency} in flight`,
    unit: 'holds/s',
    ours: perSecond(created, elapsed),
    baseline: raw.perSecond,
    baselineName: 'TransactWriteItems straight to DynamoDB Local',
    work: {
      ours: `gateway: its PENDIENTE record in 1 TransactWriteItems and its envelope in 1 SNS PublishBatch (up to 10), both shared with the requests accepted at the same time, side by side; consumer: ${groupWork(sizes, 'hold')}`,
      baseline: '1 TransactWriteItems of 3 items (record Put, product Update of its held units, reservation Put) per hold',
    },
    details: {
      created,
      seconds: elapsed / 1000,
      accept_to_outcome_p50_ms: ourLatency.p50,
      accept_to_outcome_p95_ms: ourLatency.p95,
      accept_to_outcome_p99_ms: ourLatency.p99,
      groups: sizes.groups,
      holds_per_group: sizes.mean,
      baseline_created: raw.applied,
      baseline_p50_ms: raw.latency.p50,
      baseline_p99_ms: raw.latency.p99,
    },
  });
}

/** Index of the product's Update in {@link holdItems}. */
const PRODUCT_ITEM = 1;

function holdItems(productoId: string, ordenId: string): TransactWriteItem[] {
  const now = new Date();
  const expira = new Date(now.getTime() + 900_000);
  return [
    {
      Put: {
        TableName: DEFAULT_TABLE_NAMES.commands,
        Item: { comando_id: { S: `CrearReserva#${ordenId}` }, tipo: { S: 'CrearReserva' }, orden_id: { S: ordenId }, estado: { S: 'APLICADA' }, resuelta: { S: now.toISOString() } },
        ConditionExpression: 'attribute_not_exists(comando_id)',
      },
    },
    {
      Update: {
        TableName: DEFAULT_TABLE_NAMES.products,
        Key: { producto_id: { S: productoId } },
        // The same work as the consumer's update of a held count (a counter raised by one), kept in an
        // attribute of its own so these baseline-only products never read as holding anything.
        UpdateExpression: 'SET #held = if_not_exists(#held, :zero) + :one, #version = #version + :one, actualizado = :now',
        ConditionExpression: '#stock >= :one AND #estado = :true',
        ExpressionAttributeNames: { '#stock': 'stock', '#version': 'version', '#estado': 'estado', '#held': 'bench_reservado' },
        ExpressionAttributeValues: { ':one': { N: '1' }, ':zero': { N: '0' }, ':true': { BOOL: true }, ':now': { S: now.toISOString() } },
      },
    },
    {
      Put: {
        TableName: DEFAULT_TABLE_NAMES.reservations,
        Item: {
          orden_id: { S: ordenId },
          estado: { S: 'ACTIVA' },
          lineas: { L: [{ M: { producto_id: { S: productoId }, ubicacion_id: { S: 'CENTRAL' }, cantidad: { N: '1' } } }] },
          creada: { S: now.toISOString() },
          expira_en: { S: expira.toISOString() },
          vence_particion: { S: 'ACTIVA#0' },
          vence: { N: String(expira.getTime()) },
        },
        ConditionExpression: 'attribute_not_exists(orden_id)',
      },
    },
  ];
}
