import { Logger, LogLevelThreshold, type LogItem } from '@aws-lambda-powertools/logger';
import type { ConstructorOptions } from '@aws-lambda-powertools/logger/types';
import { formatReadableLine } from './format-readable-line';
import { turnBatchedWriter } from './turn-batched-writer';

/** Where the readable lines go; stdout and stderr unless a test gives its own. */
export interface ReadableOutput {
  out(line: string): void;
  err(line: string): void;
}

// Kept off the instance: the base constructor may print (its buffered start-up warnings) before a
// subclass field would be set.
const outputs = new WeakMap<Logger, ReadableOutput>();

// One writer per stream for the whole process, shared by every logger in it (a workers process hosts
// nine apps): lines of one turn go out in one write (see turnBatchedWriter). Made at the first logger
// that uses it, so importing this module registers nothing.
let standardOutput: ReadableOutput | undefined;

function standard(): ReadableOutput {
  standardOutput ??= { out: turnBatchedWriter(process.stdout), err: turnBatchedWriter(process.stderr) };
  return standardOutput;
}

/**
 * The Powertools Logger with the same entries (levels, keys, child loggers, sampling) written as one
 * readable line each instead of JSON: for a terminal on a developer's machine. Warnings and errors go to
 * stderr, the rest to stdout, as the JSON logger does.
 *
 * @example
 * const logger = new ReadableLogger({ serviceName: 'gateway' });
 * logger.info('Request', { status: 202, correlation_id: 'c-1' });
 * // 12:00:00.000 INFO  gateway Request status=202 correlation_id=c-1
 */
export class ReadableLogger extends Logger {
  constructor(options: ConstructorOptions = {}, output: ReadableOutput = standard()) {
    super(options);
    outputs.set(this, output);
  }

  protected override printLog(logLevel: number, log: LogItem): void {
    log.prepareForPrint();
    const line = formatReadableLine(log.getAttributes(), this.getJsonReplacer() as (key: string, value: unknown) => unknown);
    const output = outputs.get(this) ?? standard();
    if (logLevel >= LogLevelThreshold.WARN) output.err(line);
    else output.out(line);
  }

  protected override createLogger(options?: ConstructorOptions): Logger {
    return new ReadableLogger(options, outputs.get(this) ?? standard());
  }
}
