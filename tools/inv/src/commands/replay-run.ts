import { findService } from '../replay/find-service';
import { parseFilters } from '../replay/message-filter';
import { startNativeMove } from '../replay/native-move';
import { replayMessages, type ReplayReport } from '@inventario/dead-letters';
import { EXIT, UsageError } from '../errors';
import { createProgress } from '../output/progress';
import { renderRecord, renderTable } from '../output/table';
import type { CommandContext } from './context';
import { DEAD_MESSAGE_HEAD, deadMessageRow } from './dead-message-view';

/** Options of `replay run`. */
export interface ReplayRunOptions {
  to?: string;
  filter: string[];
  max?: number;
  rate?: number;
  dryRun?: boolean;
  includeTampered?: boolean;
  native?: boolean;
  visibility: number;
  settle?: number;
}

/** How long messages looked at but not moved stay hidden at a time (renewed while the run goes on). */
const HOLD_SECONDS = 60;

/**
 * `replay run <service>`: moves dead messages back to the service's queue (or `--to`), send before
 * delete, 10 at a time. Exit 0 when every chosen message moved, 2 when some did and some did not (or the
 * run was stopped), 1 when none could be moved.
 */
export async function replayRun(context: CommandContext, service: string, options: ReplayRunOptions): Promise<number> {
  const entry = findService(service);
  if (options.native) return runNative(context, entry.deadLetterQueue, options.to ?? entry.queue, options);
  const { sqs, locator, target } = context.aws();
  const sourceUrl = await locator.url(entry.deadLetterQueue);
  const targetUrl = await locator.url(options.to ?? entry.queue);
  const progress = createProgress(context.json ? undefined : context.io.progressStream, options.dryRun ? 'looking' : 'moving');
  const onStop = (): void => context.say('stopping after this batch (Ctrl-C again to quit at once; nothing is lost either way)');
  context.io.stopSignal.addEventListener('abort', onStop, { once: true });
  let report: ReplayReport;
  try {
    report = await replayMessages({
      sqs,
      sourceUrl,
      targetUrl,
      keyRing: context.gateway().keyRing,
      filter: parseFilters(options.filter),
      max: options.max,
      ratePerSecond: options.rate,
      dryRun: options.dryRun === true,
      includeTampered: options.includeTampered === true,
      batchVisibilitySeconds: options.visibility,
      holdSeconds: Math.max(HOLD_SECONDS, options.visibility),
      settleSeconds: options.settle ?? options.visibility + 5,
      stopSignal: context.io.stopSignal,
      now: () => context.now(),
      onProgress: (done) => progress.update(done.examined, done.total),
    });
  } finally {
    progress.stop();
    context.io.stopSignal.removeEventListener('abort', onStop);
  }
  const from = entry.deadLetterQueue;
  const to = options.to ?? entry.queue;
  context.print(reportJson(report, { service: entry.app, from, to, source: target.source }), () => reportText(report, from, to));
  return exitCode(report);
}

async function runNative(context: CommandContext, from: string, to: string, options: ReplayRunOptions): Promise<number> {
  if (options.filter.length > 0 || options.max !== undefined || options.dryRun || options.includeTampered) {
    throw new UsageError('--native moves the whole queue as SQS sees fit: no --filter, --max, --dry-run or --include-tampered');
  }
  const { sqs, locator } = context.aws();
  const task = await startNativeMove(sqs, {
    sourceArn: await locator.arn(from),
    destinationArn: await locator.arn(to),
    ratePerSecond: options.rate,
  });
  context.print({ native: true, from, to, task_handle: task.taskHandle }, () =>
    `SQS is moving every message of ${from} to ${to} (task ${task.taskHandle}); \`replay list\` shows the progress\n`,
  );
  return EXIT.ok;
}

function exitCode(report: ReplayReport): number {
  const moved = report.moved.length + report.duplicated.length;
  if (moved === 0 && (report.error !== undefined || report.failed.length > 0)) return EXIT.error;
  const incomplete =
    report.error !== undefined || report.failed.length > 0 || report.duplicated.length > 0 || report.interrupted || report.inFlightElsewhere > 0;
  return incomplete ? EXIT.partial : EXIT.ok;
}

function reportJson(report: ReplayReport, where: { service: string; from: string; to: string; source: string }): Record<string, unknown> {
  const ids = (messages: typeof report.moved) => messages.map((message) => ({ message_id: message.messageId, orden_id: message.ordenId ?? null }));
  return {
    ...where,
    dry_run: report.dryRun,
    moved: report.moved.length,
    moved_messages: ids(report.moved),
    duplicated: ids(report.duplicated),
    failed: report.failed.map(({ message, error }) => ({ message_id: message.messageId, orden_id: message.ordenId ?? null, error })),
    held_tampered: report.heldTampered.map((message) => ({
      message_id: message.messageId,
      orden_id: message.ordenId ?? null,
      firma: message.signature,
      motivo_cuarentena: message.quarantine?.motivo ?? null,
    })),
    skipped: report.skipped,
    interrupted: report.interrupted,
    in_flight_elsewhere: report.inFlightElsewhere,
    error: report.error ?? null,
  };
}

function reportText(report: ReplayReport, from: string, to: string): string {
  const parts: string[] = [];
  if (report.heldTampered.length > 0) {
    parts.push(`Left in ${from}, signature failing or quarantined (--include-tampered moves them):\n`);
    parts.push(renderTable(DEAD_MESSAGE_HEAD, report.heldTampered.map(deadMessageRow)));
  }
  if (report.failed.length > 0) {
    parts.push(`Not sent, still in ${from}:\n`);
    parts.push(renderTable(['message', 'orden_id', 'error'], report.failed.map(({ message, error }) => [message.messageId.slice(0, 8), message.ordenId, error])));
  }
  parts.push(
    renderRecord({
      [report.dryRun ? 'would move' : 'moved']: `${report.moved.length} (${from} -> ${to})`,
      'in both queues': report.duplicated.length > 0 ? `${report.duplicated.length} (sent, not deleted: the consumer applies each command once)` : 0,
      'not sent': report.failed.length,
      'held (tampered)': report.heldTampered.length,
      'not matching the filters': report.skipped,
      ...(report.interrupted && { stopped: 'by request, after a whole batch' }),
      ...(report.inFlightElsewhere > 0 && { 'hidden by another reader': `${report.inFlightElsewhere}: run again once they are visible` }),
      ...(report.error !== undefined && { error: report.error }),
    }),
  );
  return parts.join('');
}
