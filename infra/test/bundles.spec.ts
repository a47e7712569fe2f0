import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { backgroundApps, COMMANDS, loadRuntimeConfig, SWEEPER_APP, type CommandEntry } from '@inventario/events';
import { commandFingerprint, DynamoInventoryStore, type Command } from '@inventario/inventory-core';
import { LOCAL_DEFAULT_KEY, signTimestamped } from '@inventario/signature';
import { httpApiEvent, scheduledEvent, sqsBatchOfCommand } from './bundles/events';
import { invokeBundle, sstLinkEnv } from './bundles/invoke';

// Each built bundle (dist/apps, built by the test target's dependencies) is loaded as Lambda loads it and
// invoked with a real-shaped event against the local stack. The consumers find their resources through
// SST links (`SST_RESOURCE_*`, read by `sst/resource`) on a deployed-like stage, so the same code path
// as on AWS runs; the gateway and the query function through the local stack's variables.

const KEY = 'bundle-test-key';
const config = loadRuntimeConfig(process.env);
const store = new DynamoInventoryStore({ client: new DynamoDBClient({ region: config.region }), tables: config.tables });

/** The environment of the local stack without its resource variables: only the links say where things are. */
function unlinkedEnv(): NodeJS.ProcessEnv {
  const { INVENTARIO_RESOURCES: _resources, TABLE_PRODUCTS: _p, TABLE_LEDGER: _l, TABLE_COMMANDS: _c, TABLE_RESERVATIONS: _r, ...env } = process.env;
  return env;
}

const TABLE_LINKS = {
  ProductsTable: { kind: 'table', role: 'products', name: config.tables.products },
  LedgerTable: { kind: 'table', role: 'ledger', name: config.tables.ledger },
  CommandsTable: { kind: 'table', role: 'commands', name: config.tables.commands },
  ReservationsTable: { kind: 'table', role: 'reservations', name: config.tables.reservations },
};
const OUTCOME_TOPIC_LINK = { InventarioEventosTopic: { kind: 'topic', topic: 'InventarioEventos', arn: config.topicArns.InventarioEventos } };

function linkedConsumerEnv(entry: CommandEntry, stage = 'production', key = KEY): NodeJS.ProcessEnv {
  return {
    ...unlinkedEnv(),
    ...sstLinkEnv({
      App: { name: `inventario-${entry.app}`, stage },
      SignatureSecret: { value: key },
      ...TABLE_LINKS,
      ...OUTCOME_TOPIC_LINK,
      [`${entry.app}DlqLink`]: { kind: 'queue', queue: entry.deadLetterQueue, url: config.queueUrls[entry.deadLetterQueue] },
    }),
  };
}

/** The sweeper's links: the tables it reaches and the outcome topic; no secret, no queue. */
function linkedSweeperEnv(): NodeJS.ProcessEnv {
  const { CommandsTable: _commands, ...tables } = TABLE_LINKS;
  return { ...unlinkedEnv(), ...sstLinkEnv({ App: { name: `inventario-${SWEEPER_APP}`, stage: 'production' }, ...tables, ...OUTCOME_TOPIC_LINK }) };
}

async function applied(command: Command, now = new Date()): Promise<void> {
  const { outcome } = await store.apply(command, { fingerprint: commandFingerprint(command), correlationId: randomUUID(), now });
  expect(outcome.estado).toBe('APLICADA');
}

const entryOf = (type: string) => COMMANDS.find((entry) => entry.type === type)!;
const productId = `PRO${Date.now() % 1_000_000_000}`;

describe('the built bundles, invoked as Lambda invokes them', () => {
  it('keeps each bundle (minified) within the 500 KB budget, and prints its size', () => {
    for (const [app, file] of [...backgroundApps().map((app) => [app, 'handler.cjs']), ['consultar-inventario', 'handler.cjs'], ['gateway', 'lambda.cjs']]) {
      const bytes = statSync(join(resolve(__dirname, '../../dist/apps'), app!, file!)).size;
      process.stdout.write(`bundle ${app}/${file}: ${(bytes / 1024).toFixed(0)} KB\n`);
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual(500 * 1024);
    }
  });

  it('applies a purchase through the orden-compra bundle from an SQS batch of an SNS raw message', async () => {
    const entry = entryOf('OrdenCompra');
    const event = sqsBatchOfCommand(entry, { orden_id: `oc-${productId}`, producto_id: productId, cantidad: 8, nombre: 'Bundle', precio: 3 }, KEY, 'arn:aws:sqs:us-east-1:000000000000:orden-compra');
    const invocation = invokeBundle(entry.app, 'handler.cjs', event, linkedConsumerEnv(entry));
    expect(invocation.stderr).not.toMatch(/Error:/);
    expect(invocation.result).toEqual({ batchItemFailures: [] });
    expect(await store.getProduct(productId)).toMatchObject({ producto_id: productId, stock: 8, estado: true });
  });

  it('applies a sale, an update and a deletion through their bundles', async () => {
    const steps: [string, Record<string, unknown>, Record<string, unknown>][] = [
      ['OrdenVenta', { orden_id: `ov-${productId}`, producto_id: productId, cantidad: 3 }, { stock: 5 }],
      ['ActualizarProducto', { orden_id: `ap-${productId}`, producto_id: productId, precio: 4.5 }, { precio: 4.5 }],
      ['EliminarProducto', { orden_id: `ep-${productId}`, producto_id: productId }, { estado: false }],
    ];
    for (const [type, body, expected] of steps) {
      const entry = entryOf(type);
      const invocation = invokeBundle(entry.app, 'handler.cjs', sqsBatchOfCommand(entry, body, KEY, `arn:aws:sqs:us-east-1:000000000000:${entry.queue}`), linkedConsumerEnv(entry));
      expect(invocation.result).toEqual({ batchItemFailures: [] });
      expect(await store.getProduct(productId)).toMatchObject(expected);
    }
  });

  it('holds stock through the crear-reserva bundle and releases it through liberar-reserva, whose body is empty', async () => {
    const held = `PRO7${Date.now() % 1_000_000_000}`;
    const ordenId = `rs-${held}`;
    await applied({ type: 'OrdenCompra', ordenId: `oc-${held}`, lines: [{ productoId: held, cantidad: 6, nombre: 'Reservable', precio: 1 }] });
    const create = entryOf('CrearReserva');
    const hold = sqsBatchOfCommand(create, { orden_id: ordenId, items: [{ producto_id: held, cantidad: 2 }] }, KEY, `arn:aws:sqs:us-east-1:000000000000:${create.queue}`);
    expect(invokeBundle(create.app, 'handler.cjs', hold, linkedConsumerEnv(create)).result).toEqual({ batchItemFailures: [] });
    expect((await store.getReservation(ordenId))?.estado).toBe('ACTIVA');

    const release = entryOf('LiberarReserva');
    const step = sqsBatchOfCommand(release, {}, KEY, `arn:aws:sqs:us-east-1:000000000000:${release.queue}`, ordenId);
    expect(invokeBundle(release.app, 'handler.cjs', step, linkedConsumerEnv(release)).result).toEqual({ batchItemFailures: [] });
    expect((await store.getReservation(ordenId))?.estado).toBe('LIBERADA');
  });

  it('gives back a hold past its expiry through the expirar-reservas bundle, from a scheduled event', async () => {
    const held = `PRO8${Date.now() % 1_000_000_000}`;
    const ordenId = `rx-${held}`;
    await applied({ type: 'OrdenCompra', ordenId: `oc-${held}`, lines: [{ productoId: held, cantidad: 5, nombre: 'Vencible', precio: 1 }] });
    await applied({ type: 'CrearReserva', ordenId, lines: [{ productoId: held, cantidad: 3, ubicacionId: 'CENTRAL' }], expiraEnS: 60 }, new Date(Date.now() - 61_000));

    const invocation = invokeBundle(SWEEPER_APP, 'handler.cjs', scheduledEvent(), linkedSweeperEnv());
    expect(invocation.stderr).not.toMatch(/Error:/);
    expect(invocation.result).toEqual({ expiradas: expect.any(Number), avisosReenviados: expect.any(Number) });
    expect((await store.getReservation(ordenId))?.estado).toBe('EXPIRADA');
    expect((await store.getProductDetail(held))?.ubicaciones).toEqual([{ ubicacion_id: 'CENTRAL', stock: 5, reservado: 0, disponible: 5 }]);
  });

  it('refuses to start a consumer bundle on a deployed stage with the local default key', () => {
    const entry = entryOf('OrdenCompra');
    const invocation = invokeBundle(entry.app, 'handler.cjs', { Records: [] }, linkedConsumerEnv(entry, 'production', LOCAL_DEFAULT_KEY));
    expect(invocation.status).not.toBe(0);
    expect(invocation.stderr).toMatch(/local default key/);
  });

  it('answers a read through the consultar-inventario bundle', () => {
    const invocation = invokeBundle('consultar-inventario', 'handler.cjs', { consulta: 'producto', producto_id: productId }, process.env);
    expect(invocation.result).toEqual({ ok: true, value: expect.objectContaining({ producto_id: productId, estado: false }) });
  });

  it('accepts a signed command and serves a read through the gateway bundle, from API Gateway HTTP API v2 events', () => {
    const env = { ...process.env, SIGNATURE_SECRET: KEY, STAGE: 'dev' };
    const body = JSON.stringify({ orden_id: `gw-${productId}`, producto_id: productId, cantidad: 2 });
    const accepted = invokeBundle('gateway', 'lambda.cjs', httpApiEvent('POST', '/orden-compra', body, { 'x-signature': signTimestamped(KEY, body) }), env);
    expect(accepted.result).toMatchObject({ statusCode: 202 });
    expect(JSON.parse((accepted.result as { body: string }).body)).toMatchObject({ orden_id: `gw-${productId}`, estado_url: `/orden-compra/gw-${productId}` });

    const read = invokeBundle('gateway', 'lambda.cjs', httpApiEvent('GET', `/productos/${productId}`), env);
    expect(read.result).toMatchObject({ statusCode: 200 });
    expect(JSON.parse((read.result as { body: string }).body)).toMatchObject({ producto_id: productId });
  });
});
