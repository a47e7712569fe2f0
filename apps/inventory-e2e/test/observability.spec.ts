import { randomUUID } from 'node:crypto';
import { commandEntry } from '@inventario/events';
import {
  listenToOutcomes,
  notYet,
  parseJsonObject,
  signedEnvelope,
  uniqueOrderId,
  uniqueProductId,
  waitUntil,
  type OutcomeListener,
} from '@inventario/local-stack';
import { signLegacy, signTimestamped } from '@inventario/signature';
import request from 'supertest';
import { waitForOutcome } from './support/client';
import { publishRaw } from './support/messaging';
import { startSystem, type RunningSystem } from './support/system';

// A key rotation in progress: the gateway and the consumers verify with both.
const NEW_KEY = 'e2e-obs-key-nueva';
const OLD_KEY = 'e2e-obs-key-vieja';
let system: RunningSystem;
let outcomes: OutcomeListener;

/** Every signature and body this file sent: none may appear in any log line. */
const sent = { signatures: new Set<string>(), bodies: new Set<string>() };

beforeAll(async () => {
  [system, outcomes] = await Promise.all([
    // JSON logs and EMF metric lines, as on Lambda, so the test reads them as data.
    startSystem({ key: `${NEW_KEY},${OLD_KEY}`, env: { LOG_FORMAT: 'json', POWERTOOLS_METRICS_DISABLED: 'false' } }),
    listenToOutcomes(process.env),
  ]);
});

afterAll(async () => {
  await Promise.all([system?.stop(), outcomes?.stop()]);
});

type Line = Record<string, unknown>;

/** The JSON lines an app wrote so far (log lines and EMF metric lines). */
function jsonLines(app: string): Line[] {
  return (system.logs.get(app) ?? []).map(parseJsonObject).filter((line) => Object.keys(line).length > 0);
}

/** Waits until an app has written a line that matches. */
async function waitForLine(app: string, match: (line: Line) => boolean, timeoutMs = 30_000): Promise<Line> {
  return waitUntil(
    async () => jsonLines(app).find(match) ?? notYet(`${app} wrote no matching line:\n${(system.logs.get(app) ?? []).slice(-10).join('\n')}`),
    { timeoutMs, intervalMs: 100 },
  );
}

/** True for an EMF line of the namespace Inventario that carries the metric `name`. */
function isMetric(line: Line, name: string): boolean {
  const aws = line._aws as { CloudWatchMetrics?: { Namespace: string; Metrics: { Name: string }[] }[] } | undefined;
  return aws?.CloudWatchMetrics?.some((directive) => directive.Namespace === 'Inventario' && directive.Metrics.some((m) => m.Name === name)) ?? false;
}

/** The EMF metric lines of an app for one metric name. */
function metricLines(app: string, name: string): Line[] {
  return jsonLines(app).filter((line) => isMetric(line, name));
}

/** Waits for an EMF line of `name` with these dimension values. */
function waitForMetric(app: string, name: string, dimensions: Record<string, string>): Promise<Line> {
  return waitForLine(app, (line) => isMetric(line, name) && Object.entries(dimensions).every(([key, value]) => line[key] === value));
}

function post(route: string, raw: string, signature: string, headers: Record<string, string> = {}) {
  sent.signatures.add(signature);
  sent.bodies.add(raw);
  let call = request(system.url).post(route).set('Content-Type', 'application/json').set('X-Signature', signature);
  for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
  return call.send(raw);
}

describe('one command, end to end, by its correlation id', () => {
  it('follows an orden_id from the HTTP request to the outcome event with one correlation id, found in the logs of the gateway and the consumer', async () => {
    const ordenId = uniqueOrderId('obs');
    const correlationId = `e2e-corr-${randomUUID()}`;
    const raw = JSON.stringify({ orden_id: ordenId, producto_id: uniqueProductId(), cantidad: 7, nombre: 'Trazable', precio: 3 });

    const accepted = await post('/orden-compra', raw, signTimestamped(NEW_KEY, raw), { 'x-correlation-id': correlationId });
    expect(accepted.status).toBe(202);
    expect(accepted.headers['x-correlation-id']).toBe(correlationId);
    expect((await waitForOutcome(system.url, accepted.body.estado_url)).estado).toBe('APLICADA');

    const event = await outcomes.waitFor((e) => e.orden_id === ordenId);
    expect(event).toMatchObject({ tipo: 'StockActualizado', orden_id: ordenId, correlation_id: correlationId });

    await waitForLine('orden-compra', (line) => line.message === 'Command processed' && line.orden_id === ordenId);
    await waitForLine('gateway', (line) => line.orden_id === ordenId && line.method === 'POST');
    // Reads of its estado_url are requests of their own, each with its own correlation id.
    const gatewayLines = jsonLines('gateway').filter((line) => line.orden_id === ordenId && line.method === 'POST');
    const consumerLines = jsonLines('orden-compra').filter((line) => line.orden_id === ordenId);
    expect(gatewayLines.map((line) => [line.message, line.method, line.status])).toEqual([['Request', 'POST', 202]]);
    expect(consumerLines.map((line) => line.message)).toEqual(['Outcome published', 'Command processed']);
    for (const line of [...gatewayLines, ...consumerLines]) {
      expect(line).toMatchObject({ correlation_id: correlationId, level: expect.any(String), timestamp: expect.any(String), service: expect.any(String) });
    }
    expect(consumerLines[0]).toMatchObject({ service: 'orden-compra', eventos: ['StockActualizado'] });
  });

  it('makes a correlation id for a request that sends none, returns it, and carries it to the consumer and the outcome event', async () => {
    const productoId = uniqueProductId();
    const purchase = JSON.stringify({ orden_id: uniqueOrderId('obs-compra'), producto_id: productoId, cantidad: 1, nombre: 'Uno', precio: 1 });
    const bought = await post('/orden-compra', purchase, signLegacy(OLD_KEY, purchase));
    expect((await waitForOutcome(system.url, bought.body.estado_url)).estado).toBe('APLICADA');

    const ordenId = uniqueOrderId('obs-venta');
    const sale = JSON.stringify({ orden_id: ordenId, producto_id: productoId, cantidad: 5 });
    const accepted = await post('/orden-venta', sale, signLegacy(NEW_KEY, sale));
    const correlationId = String(accepted.headers['x-correlation-id']);
    expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await waitForOutcome(system.url, accepted.body.estado_url)).motivo?.codigo).toBe('STOCK_INSUFICIENTE');

    expect(await outcomes.waitFor((e) => e.orden_id === ordenId)).toMatchObject({ tipo: 'OrdenRechazada', correlation_id: correlationId });
    const processed = await waitForLine('movimiento-inventario', (line) => line.message === 'Command processed' && line.orden_id === ordenId);
    expect(processed).toMatchObject({ correlation_id: correlationId, resultado: 'RECHAZADA', codigo: 'STOCK_INSUFICIENTE' });
  });
});

describe('metrics, as CloudWatch EMF lines in the namespace Inventario', () => {
  it('count accepted, applied and rejected commands, latency, signature failures and tampered messages', async () => {
    const productoId = uniqueProductId();
    const raw = JSON.stringify({ orden_id: uniqueOrderId('obs-metrica'), producto_id: productoId, cantidad: 2, nombre: 'Medido', precio: 1 });
    const accepted = await post('/orden-compra', raw, signTimestamped(OLD_KEY, raw));
    await waitForOutcome(system.url, accepted.body.estado_url);
    const expired = await post('/orden-compra', raw, signTimestamped(NEW_KEY, raw, Math.floor(Date.now() / 1000) - 301));
    expect(expired.body.codigo).toBe('FIRMA_EXPIRADA');

    const tamperedFields = { orden_id: uniqueOrderId('obs-manipulada'), producto_id: productoId, cantidad: 99, nombre: 'X', precio: 1 };
    const tamperedBody = JSON.stringify(tamperedFields);
    const tampered = signedEnvelope('OrdenCompra', tamperedFields, 'clave-robada', { correlationId: `e2e-manipulada-${randomUUID()}` });
    sent.signatures.add(tampered.firma);
    sent.bodies.add(tamperedBody);
    await publishRaw(commandEntry('OrdenCompra'), tampered);
    const quarantined = await waitForLine('orden-compra', (line) => line.message === 'Message quarantined' && line.correlation_id === tampered.correlation_id);
    expect(quarantined).toMatchObject({ level: 'WARN', motivo: 'FIRMA_INVALIDA', orden_id: tampered.orden_id });

    // Each metric is its own EMF line, read from the process's output as it arrives.
    await waitForMetric('gateway', 'ComandosAceptados', { tipo: 'OrdenCompra', service: 'gateway' });
    await waitForMetric('gateway', 'FirmasRechazadas', { codigo: 'FIRMA_EXPIRADA' });
    await waitForMetric('gateway', 'SolicitudesRechazadas', { codigo: 'FIRMA_EXPIRADA' });
    await waitForMetric('orden-compra', 'ComandosAplicados', { tipo: 'OrdenCompra', service: 'orden-compra' });
    const latency = await waitForMetric('orden-compra', 'LatenciaProcesamiento', { tipo: 'OrdenCompra' });
    expect(latency.LatenciaProcesamiento).toEqual(expect.any(Number));
    await waitForMetric('orden-compra', 'MensajesEnCuarentena', { tipo: 'OrdenCompra', motivo: 'FIRMA_INVALIDA' });
    await waitForMetric('movimiento-inventario', 'ComandosRechazados', { tipo: 'OrdenVenta', codigo: 'STOCK_INSUFICIENTE' });
    expect(metricLines('gateway', 'ComandosAceptados').every((line) => line.ComandosAceptados === 1)).toBe(true);
  });
});

describe('what a full run logs', () => {
  it('never holds a key, a signature or a whole request body, in any process', async () => {
    // Every route, both signature forms, both keys, a refusal of each kind, and reads.
    const productoId = uniqueProductId();
    const bodies: [string, Record<string, unknown>][] = [
      ['/orden-compra', { orden_id: uniqueOrderId('obs-r'), producto_id: productoId, cantidad: 9, nombre: 'nombre-que-no-se-loguea', precio: 12.5 }],
      ['/orden-venta', { orden_id: uniqueOrderId('obs-r'), producto_id: productoId, cantidad: 1 }],
      ['/actualizar-producto', { orden_id: uniqueOrderId('obs-r'), producto_id: productoId, nombre: 'otro-nombre-oculto', precio: 1 }],
      ['/eliminar-productos', { orden_id: uniqueOrderId('obs-r'), producto_id: productoId }],
    ];
    for (const [index, [route, body]] of bodies.entries()) {
      const raw = JSON.stringify(body);
      const key = index % 2 === 0 ? NEW_KEY : OLD_KEY;
      const signature = index < 2 ? signTimestamped(key, raw) : signLegacy(key, raw);
      const accepted = await post(route, raw, signature);
      expect(accepted.status).toBe(202);
      await waitForOutcome(system.url, accepted.body.estado_url);
    }
    const refusedBody = JSON.stringify({ orden_id: uniqueOrderId('obs-r'), producto_id: productoId, cantidad: 1, secreto: 'cuerpo-rechazado-oculto' });
    expect((await post('/orden-venta', refusedBody, signTimestamped('clave-ajena', refusedBody))).status).toBe(401);
    expect((await post('/orden-venta', `${refusedBody}x`, signTimestamped(NEW_KEY, `${refusedBody}x`))).status).toBe(400);
    expect((await post('/orden-venta', refusedBody.replace('"cantidad":1', '"cantidad":-1'), signLegacy(NEW_KEY, refusedBody.replace('"cantidad":1', '"cantidad":-1')))).status).toBe(400);
    expect((await request(system.url).get(`/productos/${productoId}`)).status).toBe(200);
    expect((await request(system.url).get(`/productos/${productoId}/movimientos`)).status).toBe(200);

    const everything = [...system.logs.values()].flat().join('\n');
    expect(everything.length).toBeGreaterThan(1_000);
    const forbidden = [
      NEW_KEY,
      OLD_KEY,
      'clave-robada',
      'clave-ajena',
      'nombre-que-no-se-loguea',
      'otro-nombre-oculto',
      'cuerpo-rechazado-oculto',
      ...[...sent.signatures].flatMap((signature) => [signature, ...(signature.match(/[0-9a-f]{64}/g) ?? [])]),
      ...sent.bodies,
    ];
    expect(forbidden.filter((secret) => everything.includes(secret))).toEqual([]);
  });
});
