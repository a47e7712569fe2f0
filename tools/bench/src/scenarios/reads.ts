import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { DEFAULT_TABLE_NAMES } from '@inventario/inventory-core';
import type { BenchSystem } from '../harness/bench-system';
import { getJson } from '../harness/get-json';
import { productId } from '../harness/ids';
import { seedProducts } from '../harness/seed-products';
import { figure, type Figure } from '../report/figure';

/** Size of the read run. */
export interface ReadsOptions {
  products: number;
  /** Each listing runs this many times, page by page alternating with the other; the time is summed over all of them. */
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
  const ours = new Tally();
  const raw = new Tally();
  for (let run = 0; run < options.runs; run++) {
    const listings = [gatewayPages(system.url), scanPages(system)] as const;
    // Page by page, one of ours then one of the Scan: a slow moment of the machine (2 shared cores, a
    // JVM, ten processes) falls on both sides alike, and the sums over every run are compared.
    for (let done = false; !done; ) {
      const oursDone = await ours.time(listings[0]);
      const rawDone = await raw.time(listings[1]);
      done = oursDone && rawDone;
    }
    if (ours.count !== raw.count) throw new Error(`the listing returned ${ours.count} products, the Scan ${raw.count}`);
  }
  const products = ours.count / options.runs;
  return figure({
    name: `(4) list ${products} products, pages of ${PAGE}`,
    unit: 'products/s',
    ours: Math.round(ours.count / (ours.ms / 1000)),
    baseline: Math.round(raw.count / (raw.ms / 1000)),
    baselineName: 'paginated Scan straight to DynamoDB Local',
    work: {
      ours: 'per page of 1000: 1 HTTP GET to the gateway, 1 query to the read service, 1 Scan page, JSON of 1000 products',
      baseline: 'per page of 1000: 1 Scan page',
    },
    details: {
      runs: options.runs,
      pages: Math.ceil(products / PAGE),
      ms_per_page: round2(ours.ms / ours.pages),
      baseline_ms_per_page: round2(raw.ms / raw.pages),
    },
  });
}

/** Pages read and the time spent reading them, summed over every run. */
class Tally {
  count = 0;
  pages = 0;
  ms = 0;

  /** Times the next page of `listing`; true, counting nothing, once it is done. */
  async time(listing: AsyncIterator<number>): Promise<boolean> {
    const startedAt = performance.now();
    const next = await listing.next();
    if (next.done) return true;
    this.ms += performance.now() - startedAt;
    this.count += next.value;
    this.pages += 1;
    return false;
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Yields the size of each page of `GET /obtener-inventario?limit=1000`, following `siguiente`. */
async function* gatewayPages(baseUrl: string): AsyncGenerator<number> {
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(PAGE), ...(cursor && { cursor }) });
    const response = await getJson(`${baseUrl}/obtener-inventario?${query}`);
    if (response.status !== 200) throw new Error(`GET /obtener-inventario answered ${response.status}`);
    const page = response.body as { data: unknown[]; siguiente?: string };
    cursor = page.siguiente;
    yield page.data.length;
  } while (cursor);
}

/** Yields the size of each page of a consistent Scan of the product table, 1000 a page. */
async function* scanPages(system: BenchSystem): AsyncGenerator<number> {
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await system.clients.dynamodb.send(
      new ScanCommand({ TableName: DEFAULT_TABLE_NAMES.products, Limit: PAGE, ConsistentRead: true, ...(startKey && { ExclusiveStartKey: startKey }) }),
    );
    startKey = page.LastEvaluatedKey;
    yield page.Items?.length ?? 0;
  } while (startKey);
}
