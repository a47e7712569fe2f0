import { ReadableLogger, type ReadableOutput } from './readable-logger';
import { formatReadableLine } from './format-readable-line';

function capture(): ReadableOutput & { out: jest.Mock; err: jest.Mock; lines: () => string[] } {
  const out = jest.fn();
  const err = jest.fn();
  return { out, err, lines: () => [...out.mock.calls, ...err.mock.calls].map(([line]) => String(line)) };
}

describe('the readable log format', () => {
  it('writes time, level, service and message, then every attribute as key=value', () => {
    const line = formatReadableLine({
      level: 'INFO',
      message: 'Request',
      timestamp: '2025-06-01T12:00:00.123Z',
      service: 'gateway',
      sampling_rate: 0,
      method: 'POST',
      status: 202,
      correlation_id: 'corr-1',
      aborted: false,
    });
    expect(line).toBe('12:00:00.123 INFO  gateway Request method=POST status=202 correlation_id=corr-1 aborted=false');
  });

  it('quotes strings with spaces, quotes or =, and writes objects as compact JSON', () => {
    const line = formatReadableLine({
      level: 'ERROR',
      message: 'Dependency unavailable',
      service: 'gateway',
      detalle: 'no such "topic" a=b',
      error: { name: 'Error', message: 'SNS down' },
    });
    expect(line).toContain('detalle="no such \\"topic\\" a=b"');
    expect(line).toContain('error={"name":"Error","message":"SNS down"}');
  });

  it('is what a ReadableLogger prints: one line per entry, on stdout below WARN and on stderr from WARN up', () => {
    const output = capture();
    const logger = new ReadableLogger({ serviceName: 'orden-compra', logLevel: 'INFO' }, output);
    logger.debug('hidden');
    logger.info('Command processed', { orden_id: 'o-1', correlation_id: 'c-1' });
    logger.warn('Message quarantined', { motivo: 'FIRMA_INVALIDA' });
    logger.error('Processing failed', { correlation_id: 'c-2' });

    expect(output.out.mock.calls.map(([line]) => line)).toEqual([
      expect.stringMatching(/^\d{2}:\d{2}:\d{2}\.\d{3} INFO  orden-compra Command processed orden_id=o-1 correlation_id=c-1$/),
    ]);
    expect(output.err.mock.calls.map(([line]) => line)).toEqual([
      expect.stringMatching(/WARN  orden-compra Message quarantined motivo=FIRMA_INVALIDA$/),
      expect.stringMatching(/ERROR orden-compra Processing failed correlation_id=c-2$/),
    ]);
    for (const line of output.lines()) expect(line).not.toContain('{"level"');
  });

  it('keeps the format, the keys and the output in child loggers', () => {
    const output = capture();
    const child = new ReadableLogger({ serviceName: 'gateway' }, output).createChild({ persistentKeys: { stage: 'dev' } });
    child.info('Gateway listening');
    expect(output.lines()).toEqual([expect.stringMatching(/INFO  gateway Gateway listening stage=dev$/)]);
  });
});
