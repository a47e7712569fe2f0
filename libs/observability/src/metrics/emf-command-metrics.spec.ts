import { METRIC_NAMES } from '../constants';
import { EmfCommandMetrics } from './emf-command-metrics';
import { RecordingCommandMetrics } from './recording-command-metrics';
import { recordReplay } from './create-command-metrics';
import type { CommandMetrics } from './command-metrics';

interface EmfLine {
  _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [key: string]: unknown;
}

/** Runs `act` and returns the EMF lines it wrote to stdout. */
function emfLinesOf(act: () => void): EmfLine[] {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    act();
  } finally {
    spy.mockRestore();
  }
  return written.flatMap((chunk) => chunk.split('\n')).filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as EmfLine);
}

/** Every fact of the interface, once. */
function reportEverything(metrics: CommandMetrics): void {
  metrics.commandAccepted('OrdenVenta');
  metrics.requestRefused('VALIDACION');
  metrics.signatureRejected('FIRMA_EXPIRADA');
  metrics.commandApplied('OrdenCompra');
  metrics.commandRejected('OrdenVenta', 'STOCK_INSUFICIENTE');
  metrics.messageQuarantined('OrdenCompra', 'FIRMA_INVALIDA');
  metrics.processingLatency('OrdenVenta', 123);
  metrics.messagesReplayed('orden-compra-dlq', 7);
}

describe('metrics as CloudWatch EMF', () => {
  it('writes each fact at once as one EMF line in the namespace Inventario, with its own dimensions', () => {
    const lines = emfLinesOf(() => reportEverything(new EmfCommandMetrics({ serviceName: 'test-service' })));

    expect(lines).toHaveLength(8);
    const summary = lines.map((line) => {
      const [directive] = line._aws.CloudWatchMetrics;
      const name = directive?.Metrics[0]?.Name ?? '';
      return {
        namespace: directive?.Namespace,
        name,
        unit: directive?.Metrics[0]?.Unit,
        dimensions: directive?.Dimensions[0],
        value: line[name],
        service: line.service,
      };
    });
    expect(summary).toEqual([
      { namespace: 'Inventario', name: 'ComandosAceptados', unit: 'Count', dimensions: ['service', 'tipo'], value: 1, service: 'test-service' },
      { namespace: 'Inventario', name: 'SolicitudesRechazadas', unit: 'Count', dimensions: ['service', 'codigo'], value: 1, service: 'test-service' },
      { namespace: 'Inventario', name: 'FirmasRechazadas', unit: 'Count', dimensions: ['service', 'codigo'], value: 1, service: 'test-service' },
      { namespace: 'Inventario', name: 'ComandosAplicados', unit: 'Count', dimensions: ['service', 'tipo'], value: 1, service: 'test-service' },
      { namespace: 'Inventario', name: 'ComandosRechazados', unit: 'Count', dimensions: ['service', 'tipo', 'codigo'], value: 1, service: 'test-service' },
      { namespace: 'Inventario', name: 'MensajesEnCuarentena', unit: 'Count', dimensions: ['service', 'tipo', 'motivo'], value: 1, service: 'test-service' },
      { namespace: 'Inventario', name: 'LatenciaProcesamiento', unit: 'Milliseconds', dimensions: ['service', 'tipo'], value: 123, service: 'test-service' },
      { namespace: 'Inventario', name: 'MensajesReprocesados', unit: 'Count', dimensions: ['service', 'cola'], value: 7, service: 'test-service' },
    ]);
    expect(lines[4]).toMatchObject({ tipo: 'OrdenVenta', codigo: 'STOCK_INSUFICIENTE' });
  });

  it('never reports a negative latency (a clock that went back)', () => {
    const [line] = emfLinesOf(() => new EmfCommandMetrics({ serviceName: 's' }).processingLatency('OrdenVenta', -5));
    expect(line?.[METRIC_NAMES.processingLatency]).toBe(0);
  });

  it('records in memory exactly the names, dimensions and values EMF would carry', () => {
    const recording = new RecordingCommandMetrics();
    reportEverything(recording);
    const emitted = emfLinesOf(() => reportEverything(new EmfCommandMetrics({ serviceName: 's' })));
    expect(recording.recorded).toEqual(
      emitted.map((line) => {
        const directive = line._aws.CloudWatchMetrics[0];
        const name = directive?.Metrics[0]?.Name ?? '';
        const dimensions = Object.fromEntries((directive?.Dimensions[0] ?? []).filter((d) => d !== 'service').map((d) => [d, line[d]]));
        return { name, dimensions, value: line[name] };
      }),
    );
    expect(recording.count(METRIC_NAMES.messageQuarantined, { motivo: 'FIRMA_INVALIDA' })).toBe(1);
    expect(recording.count(METRIC_NAMES.messagesReplayed)).toBe(7);
    expect(recording.count(METRIC_NAMES.commandRejected, { codigo: 'PRODUCTO_NO_EXISTE' })).toBe(0);
  });
});

describe('recordReplay, for the replay tool', () => {
  it('counts the messages moved back, by queue, and nothing when none moved', () => {
    const metrics = new RecordingCommandMetrics();
    recordReplay(metrics, 'orden-compra', 12);
    recordReplay(metrics, 'orden-compra', 0);
    expect(metrics.recorded).toEqual([{ name: 'MensajesReprocesados', dimensions: { cola: 'orden-compra' }, value: 12 }]);
  });
});
