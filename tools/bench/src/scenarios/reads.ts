import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DEFAULT_TABLE_NAMES } from '@inventario/inventory-core';
import type { BenchSystem } from '../harness/bench-system';
import { productId } from '../harness/ids';
import { seedProducts } from '../harness/seed-products';
import { figure, type Figure } from '../report/figure';

/** Size of the read run. */
export interface ReadsOptions {
  products: number;
  /** Each listing runs this many times, the two alternating; the best of each is kept (a listing is short, the machine is noisy). */
  runs: number;
}

/** Largest page the contract allows. */
const PAGE = 1000;

/**
 * (4) Listing the whole product table page by page through `GET /obtener-inventario?limit=1000`,
 * against a raw paginated Scan (consistent, 1000 per page) of the same table.
 */
export async function reads(system: BenchSystem, options: ReadsOptions): Promise<Figure> {
  await seedProducts(
    system.clients.dynamodb,
    Array.from({ length: options.products }, (_, i) => productId(14, i)),
    100,
    { withLedger: false },
  );
  // Alternated, so a slow moment of the machine falls on both sides alike; the best of each is kept.
  const ours = { count: 0, ms: Number.POSITIVE_INFINITY };
  const raw = { count: 0, ms: Number.POSITIVE_INFINITY };
  for (let run = 0; run < options.runs; run++) {
    keepBest(ours, await timed(() => listThroughGateway(system.url)));
    keepBest(raw, await timed(() => rawScan(system)));
  }
  if (ours.count !== raw.count) throw new Error(`the listing returned ${ours.count} products, the Scan ${raw.count}`);
  return figure({
    name: `(4) list ${ours.count} products, pages of ${PAGE}`,
    unit: 'products/s',
    ours: Math.round(ours.count / (ours.ms / 1000)),
    baseline: Math.round(raw.count / (raw.ms / 1000)),
    baselineName: 'paginated Scan straight to DynamoDB Local',
    work: {
      ours: 'per page of 1000: 1 HTTP GET to the gateway, 1 query to the read service, 1 Scan page, JSON of 1000 products',
      baseline: 'per page of 1000: 1 Scan page',
    },
    details: { seconds: ours.ms / 1000, baseline_seconds: raw.ms / 1000, pages: Math.ceil(ours.count / PAGE) },
  });
}

async function timed(list: () => Promise<number>): Promise<{ count: number; ms: number }> {
  const startedAt = Date.now();
  const count = await list();
  return { count, ms: Date.now() - startedAt };
}

function keepBest(best: { count: number; ms: number }, run: { count: number; ms: number }): void {
  if (run.ms < best.ms) Object.assign(best, run);
}

async function listThroughGateway(baseUrl: string): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(PAGE), ...(cursor && { cursor }) });
    const response = await fetch(`${baseUrl}/obtener-inventario?${query}`);
    if (response.status !== 200) throw new Error(`GET /obtener-inventario answered ${response.status}`);
    const page = (await response.json()) as { data: unknown[]; siguiente?: string };
    count += page.data.length;
    cursor = page.siguiente;
  } while (cursor);
  return count;
}

async function rawScan(system: BenchSystem): Promise<number> {
  let count = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await system.clients.dynamodb.send(
      new ScanCommand({ TableName: DEFAULT_TABLE_NAMES.products, Limit: PAGE, ConsistentRead: true, ...(startKey && { ExclusiveStartKey: startKey }) }),
    );
    count += page.Items?.length ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}
