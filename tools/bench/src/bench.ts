/**
 * `npm run bench -- [--quick] [--only 1,3] [--logs DIR] [--label NAME] [--out FILE] [--worker-concurrency N]`: measures the
 * pipeline against the ceiling of the parts it is made of, in the same run, prints a table and writes
 * JSON (default `dist/bench/results.json`). A benchmark, not a test: it fails only when a run breaks
 * (an error, an oversell), never on a number.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { findWorkspaceRoot } from '@inventario/local-stack';
import { FULL_SETTINGS, QUICK_SETTINGS, type BenchSettings } from './bench-settings';
import { startBenchSystem } from './harness/bench-system';
import { listenToOutcomes } from '@inventario/local-stack';
import type { Figure } from './report/figure';
import { figuresTable } from './report/print-table';
import { machineFacts, writeResults } from './report/write-results';
import { endToEndSales } from './scenarios/end-to-end-sales';
import { warmUp } from './scenarios/warm-up';
import { gatewayAccept } from './scenarios/gateway-accept';
import { holds } from './scenarios/holds';
import { hotProduct } from './scenarios/hot-product';
import { reads } from './scenarios/reads';
import { startUp } from './scenarios/start-up';

const KEY = 'bench-signing-key';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      label: { type: 'string', default: 'bench' },
      out: { type: 'string' },
      'worker-concurrency': { type: 'string' },
      only: { type: 'string' },
      logs: { type: 'string' },
    },
    strict: true,
  });
  const settings: BenchSettings = { ...(values.quick ? QUICK_SETTINGS : FULL_SETTINGS) };
  if (values['worker-concurrency'] !== undefined) settings.workerConcurrency = Number(values['worker-concurrency']);
  const out = resolve(values.out ?? resolve(findWorkspaceRoot(), 'dist/bench/results.json'));
  const startedAt = new Date().toISOString();
  const say = (line: string): void => void process.stderr.write(`bench: ${line}\n`);
  // `--only 1,3`: just those figures, to iterate on one quickly; the default is all six.
  const only = new Set((values.only ?? '1,2,3,4,5,6').split(',').map((figure) => figure.trim()));

  const figures: Figure[] = [];
  let startFigure: Figure | undefined;
  if (only.has('5')) {
    say('(5) start-up');
    startFigure = await startUp({ runs: settings.startRuns });
  }

  // Figure (5) alone needs no running system (nor its warm-up).
  if ([...only].some((name) => name !== '5')) {
    figures.push(...(await systemFigures(settings, only, say, values.logs)));
  }
  if (startFigure) figures.push(startFigure);

  process.stdout.write(`${figuresTable(figures)}\n`);
  await writeResults(out, {
    label: values.label ?? 'bench',
    startedAt,
    machine: machineFacts(),
    settings: { ...settings },
    figures,
  });
  say(`results written to ${out}`);
  return 0;
}

/** Figures (1), (2), (3), (4) and (6) of `only`, in that order, against one running, warmed-up system. */
async function systemFigures(
  settings: BenchSettings,
  only: ReadonlySet<string>,
  say: (line: string) => void,
  logs: string | undefined,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  say('starting the system');
  const system = await startBenchSystem({
    key: KEY,
    appEnv: { WORKER_CONCURRENCY: String(settings.workerConcurrency) },
    ...(logs !== undefined && { logDir: resolve(logs) }),
  });
  const listener = await listenToOutcomes(system.env);
  try {
    say(`warming up (${settings.warmUpSales} sales through the system, as many straight)`);
    await warmUp(system, listener, KEY, { sales: settings.warmUpSales, concurrency: settings.salesConcurrency });
    if (only.has('1')) {
      say('(1) end-to-end sales');
      figures.push(await endToEndSales(system, listener, KEY, {
        sales: settings.salesCount,
        products: settings.salesProducts,
        concurrency: settings.salesConcurrency,
      }));
    }
    if (only.has('2')) {
      say('(2) gateway accept');
      figures.push(await gatewayAccept(system, listener, KEY, { requests: settings.acceptRequests, concurrency: settings.acceptConcurrency }));
    }
    if (only.has('3')) {
      say('(3) hot product');
      figures.push(
        await hotProduct(system, listener, KEY, {
          sales: settings.hotSales,
          stock: settings.hotStock,
          sendConcurrency: settings.hotSendConcurrency,
          baselineConcurrency: settings.hotBaselineConcurrency,
        }),
      );
    }
    if (only.has('4')) {
      say('(4) reads');
      figures.push(await reads(system, { products: settings.readProducts, runs: settings.readRuns }));
    }
    if (only.has('6')) {
      say('(6) holds');
      figures.push(await holds(system, listener, KEY, { holds: settings.holdsCount, products: settings.holdsProducts, concurrency: settings.holdsConcurrency }));
    }
  } finally {
    await listener.stop();
    await system.stop();
  }
  return figures;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
