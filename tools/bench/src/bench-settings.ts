/** Sizes of the bench's runs; `--quick` divides them, for a smoke run. */
export interface BenchSettings {
  salesCount: number;
  salesProducts: number;
  salesConcurrency: number;
  acceptRequests: number;
  acceptConcurrency: number;
  hotSales: number;
  hotStock: number;
  hotSendConcurrency: number;
  /** Transactions in flight in the hot product's baseline. */
  hotBaselineConcurrency: number;
  readProducts: number;
  readRuns: number;
  startRuns: number;
  holdsCount: number;
  holdsProducts: number;
  holdsConcurrency: number;
  /** Sales run through the system and straight to DynamoDB Local before any figure, reported nowhere (see warm-up.ts). */
  warmUpSales: number;
  /** Pollers per consumer queue (`WORKER_CONCURRENCY`), as the apps run by default. */
  workerConcurrency: number;
}

/** The sizes: each run a few seconds to a minute on 2 cores. */
export const FULL_SETTINGS: BenchSettings = {
  salesCount: 1500,
  salesProducts: 150,
  salesConcurrency: 16,
  acceptRequests: 2000,
  acceptConcurrency: 32,
  hotSales: 2000,
  hotStock: 1500,
  hotSendConcurrency: 32,
  hotBaselineConcurrency: 8,
  readProducts: 10_000,
  readRuns: 11,
  startRuns: 4,
  holdsCount: 1500,
  holdsProducts: 150,
  holdsConcurrency: 16,
  warmUpSales: 3000,
  workerConcurrency: 8,
};

/** A smoke run of every scenario in well under a minute. */
export const QUICK_SETTINGS: BenchSettings = {
  ...FULL_SETTINGS,
  salesCount: 200,
  salesProducts: 20,
  acceptRequests: 200,
  hotSales: 200,
  hotStock: 150,
  readProducts: 2000,
  readRuns: 1,
  startRuns: 1,
  holdsCount: 200,
  holdsProducts: 20,
  warmUpSales: 100,
};
