import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoInventoryStore, type CommandType } from '@inventario/inventory-core';
import { METRIC_NAMES, RecordingCommandMetrics } from '@inventario/observability';
import {
  capturingLogger,
  createQueue,
  drain,
  emulatorClients,
  KEY,
  realConsumerDeps,
  signedEnvelope,
  sqsRecord,
  uniqueProductId,
  type EmulatorClients,
  type LogLine,
} from '../../../test/support/consumer-harness';
import { processCommandMessage, type CommandConsumerDeps } from './process-command-message';
import { QUARANTINE_ATTRIBUTE } from './quarantine';

let clients: EmulatorClients;
let deadLetterQueueUrl: string;

beforeAll(async () => {
  clients = emulatorClients();
  deadLetterQueueUrl = await createQueue(clients.sqs, 'observability-dlq');
});

afterAll(() => clients.destroy());

function setUp(overrides: Partial<CommandConsumerDeps> & { type?: CommandType } = {}) {
  const { logger, lines } = capturingLogger();
  const metrics = new RecordingCommandMetrics();
  const deps = realConsumerDeps(clients, { deadLetterQueueUrl, logger, metrics, ...overrides });
  return { deps, lines, metrics };
}

function purchase(productoId = uniqueProductId(), ordenId = `orden-${productoId}`): string {
  return JSON.stringify({ orden_id: ordenId, producto_id: productoId, cantidad: 3, nombre: 'Cuaderno', precio: 4.5 });
}

function linesAbout(lines: LogLine[], key: string, value: string): LogLine[] {
  return lines.filter((line) => line.attributes[key] === value);
}

describe("a consumer's log lines and metrics", () => {
  it('tie every line of an applied command to its correlation id and orden_id, outcome publish included', async () => {
    const { deps, lines } = setUp();
    const raw = purchase();
    const envelope = signedEnvelope(raw, { orden_id: JSON.parse(raw).orden_id, correlation_id: 'corr-consumidor-1' });

    await expect(processCommandMessage(sqsRecord(JSON.stringify(envelope), envelope.correlation_id), deps)).resolves.toBe('APLICADA');

    expect(lines.map((line) => line.message)).toEqual(['Outcome published', 'Command processed']);
    for (const line of lines) expect(line.attributes).toMatchObject({ correlation_id: 'corr-consumidor-1', orden_id: envelope.orden_id });
    expect(lines[0]?.attributes.eventos).toEqual(['StockActualizado']);
    expect(lines[1]?.attributes).toMatchObject({ resultado: 'APLICADA', latencia_ms: expect.any(Number) });
  });

  it('count an applied command once, with its latency from the gateway acceptance (ocurrido) to the outcome', async () => {
    const { deps, metrics } = setUp();
    const raw = purchase();
    const acceptedAt = new Date(Date.now() - 1_500);
    const body = JSON.stringify(signedEnvelope(raw, { orden_id: JSON.parse(raw).orden_id, ocurrido: acceptedAt.toISOString() }));

    await processCommandMessage(sqsRecord(body), deps);
    await expect(processCommandMessage(sqsRecord(body), deps)).resolves.toBe('YA_PROCESADA');

    expect(metrics.count(METRIC_NAMES.commandApplied, { tipo: 'OrdenCompra' })).toBe(1);
    const latencies = metrics.recorded.filter((metric) => metric.name === METRIC_NAMES.processingLatency);
    expect(latencies).toHaveLength(1);
    expect(latencies[0]?.value).toBeGreaterThanOrEqual(1_500);
    expect(latencies[0]?.value).toBeLessThan(60_000);
  });

  it('count a business rejection by its codigo', async () => {
    const { deps, metrics, lines } = setUp({ type: 'OrdenVenta' });
    const raw = JSON.stringify({ orden_id: `venta-${uniqueProductId()}`, producto_id: uniqueProductId(), cantidad: 1 });
    const envelope = signedEnvelope(raw, { tipo: 'OrdenVenta', orden_id: JSON.parse(raw).orden_id });

    await expect(processCommandMessage(sqsRecord(JSON.stringify(envelope)), deps)).resolves.toBe('RECHAZADA');

    expect(metrics.count(METRIC_NAMES.commandRejected, { tipo: 'OrdenVenta', codigo: 'PRODUCTO_NO_EXISTE' })).toBe(1);
    expect(metrics.count(METRIC_NAMES.commandApplied)).toBe(0);
    expect(linesAbout(lines, 'orden_id', envelope.orden_id).map((line) => line.attributes.correlation_id)).toEqual([
      envelope.correlation_id,
      envelope.correlation_id,
    ]);
  });

  it('log a tampered message with the correlation id it carries, keep it, and count it as FIRMA_INVALIDA once kept', async () => {
    const { deps, metrics, lines } = setUp();
    const raw = purchase();
    const envelope = signedEnvelope(raw, { orden_id: JSON.parse(raw).orden_id, key: 'clave-robada' });

    await expect(processCommandMessage(sqsRecord(JSON.stringify(envelope), envelope.correlation_id), deps)).resolves.toBe('CUARENTENA');

    expect(lines).toEqual([
      {
        level: 'warn',
        message: 'Message quarantined',
        attributes: expect.objectContaining({ correlation_id: envelope.correlation_id, orden_id: envelope.orden_id, motivo: 'FIRMA_INVALIDA' }),
      },
    ]);
    expect(metrics.recorded).toEqual([{ name: METRIC_NAMES.messageQuarantined, dimensions: { tipo: 'OrdenCompra', motivo: 'FIRMA_INVALIDA' }, value: 1 }]);
    const kept = await drain(clients.sqs, deadLetterQueueUrl);
    expect(kept.map((message) => message.MessageAttributes?.[QUARANTINE_ATTRIBUTE]?.StringValue)).toEqual(['FIRMA_INVALIDA']);
  });

  it('never repeat a hostile id, the body or the signature in a log line', async () => {
    const { deps, lines } = setUp();
    const hostile = 'x'.repeat(5_000);
    const raw = JSON.stringify({ orden_id: 'a', producto_id: 'PRO001', cantidad: 1, nota: 'cuerpo-secreto' });
    const envelope = signedEnvelope(raw, { correlation_id: hostile, orden_id: `${hostile} y espacios`, key: 'otra' });

    await processCommandMessage(sqsRecord(JSON.stringify(envelope), `${hostile}\n`), deps);
    await drain(clients.sqs, deadLetterQueueUrl);

    const logged = JSON.stringify(lines);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.attributes).not.toHaveProperty('correlation_id');
    expect(lines[0]?.attributes).not.toHaveProperty('orden_id');
    for (const secret of [hostile, 'cuerpo-secreto', envelope.cuerpo, envelope.firma, envelope.firma.split('v1=')[1] ?? '', KEY, 'otra']) {
      expect(logged).not.toContain(secret);
    }
  });

  it('log a transient failure with the correlation id, count nothing, and throw so the message is retried', async () => {
    const unreachable = new DynamoInventoryStore({
      client: new DynamoDBClient({ region: clients.config.region, endpoint: 'http://127.0.0.1:9', maxAttempts: 1 }),
      tables: clients.config.tables,
    });
    const { deps, metrics, lines } = setUp({ applier: unreachable });
    const raw = purchase();
    const envelope = signedEnvelope(raw, { orden_id: JSON.parse(raw).orden_id });

    await expect(processCommandMessage(sqsRecord(JSON.stringify(envelope)), deps)).rejects.toThrow();

    expect(lines).toEqual([
      {
        level: 'error',
        message: 'Message processing failed; it will be retried',
        attributes: expect.objectContaining({
          correlation_id: envelope.correlation_id,
          orden_id: envelope.orden_id,
          error: { name: expect.any(String), message: expect.any(String) },
        }),
      },
    ]);
    expect(metrics.recorded).toEqual([]);
  });
});
