import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { loadRuntimeConfig, OUTCOME_TOPIC } from '@inventario/events';
import { commandFingerprint, DynamoInventoryStore, type Command } from '@inventario/inventory-core';

const WORKSPACE = path.resolve(__dirname, '../../..');
const MAIN = path.join(WORKSPACE, 'apps/expirar-reservas/src/main.ts');
const config = loadRuntimeConfig(process.env);
const sqs = new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false });
const sns = new SNSClient({ region: config.region });
const store = new DynamoInventoryStore({ client: new DynamoDBClient({ region: config.region }), tables: config.tables });
let outcomeQueueUrl: string;

beforeAll(async () => {
  outcomeQueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `sweeper-restart-${Date.now()}` }))).QueueUrl ?? '';
  const arn = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: outcomeQueueUrl, AttributeNames: ['QueueArn'] }));
  await sns.send(
    new SubscribeCommand({ TopicArn: config.topicArns[OUTCOME_TOPIC], Protocol: 'sqs', Endpoint: arn.Attributes?.QueueArn, Attributes: { RawMessageDelivery: 'true' } }),
  );
});

afterAll(() => [sqs, sns].forEach((client) => client.destroy()));

async function applied(command: Command, now = new Date()): Promise<void> {
  const { outcome } = await store.apply(command, { fingerprint: commandFingerprint(command), correlationId: `corr-${randomUUID()}`, now });
  if (outcome.estado !== 'APLICADA') throw new Error(`${command.type} not applied: ${outcome.motivo?.codigo ?? outcome.estado}`);
}

/** A product with 10 units at CENTRAL, 4 of them held by a hold made 61 s ago: past its expiry. */
async function expiredHold(): Promise<{ productoId: string; ordenId: string }> {
  const productoId = `PRO${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`;
  const ordenId = `reserva-${randomUUID()}`;
  await applied({ type: 'OrdenCompra', ordenId: `compra-${randomUUID()}`, lines: [{ productoId, cantidad: 10, nombre: 'Clavo', precio: 1 }] });
  await applied({ type: 'CrearReserva', ordenId, lines: [{ productoId, cantidad: 4, ubicacionId: 'CENTRAL' }], expiraEnS: 60 }, new Date(Date.now() - 61_000));
  return { productoId, ordenId };
}

/** The sweeper as its own process; resolves once it has announced it started. */
async function startSweeper(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: WORKSPACE,
    env: { ...process.env, SWEEPER_INTERVAL_MS: '100', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Sweeper started')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`sweeper exited (${code}) before starting: ${output.slice(-2000)}`)));
  });
  return child;
}

async function expiryEventIds(): Promise<string[]> {
  const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: outcomeQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
  return (received.Messages ?? []).map((m) => JSON.parse(m.Body ?? '{}') as { tipo: string; orden_id: string }).filter((e) => e.tipo === 'ReservaExpirada').map((e) => e.orden_id);
}

describe('the sweeper process', () => {
  it('killed and started again loses no hold: each is EXPIRADA, announced, and its units back exactly once', async () => {
    const holds = await Promise.all([expiredHold(), expiredHold(), expiredHold()]);

    const killed = await startSweeper();
    const died = once(killed, 'exit');
    killed.kill('SIGKILL');
    await died;

    const restarted = await startSweeper();
    const announced = new Set<string>();
    const deadline = Date.now() + 30_000;
    while (holds.some((h) => !announced.has(h.ordenId)) && Date.now() < deadline) {
      for (const id of await expiryEventIds()) announced.add(id);
    }
    const stopped = once(restarted, 'exit');
    restarted.kill('SIGTERM');
    const [code] = (await stopped) as [number | null];

    expect(code).toBe(0);
    for (const { productoId, ordenId } of holds) {
      expect({ ordenId, announced: announced.has(ordenId) }).toEqual({ ordenId, announced: true });
      expect((await store.getReservation(ordenId))?.estado).toBe('EXPIRADA');
      const central = (await store.getProductDetail(productoId))?.ubicaciones?.find((u) => u.ubicacion_id === 'CENTRAL');
      expect(central).toEqual({ ubicacion_id: 'CENTRAL', stock: 10, reservado: 0, disponible: 10 });
    }
    const pending = new Set((await store.pendingNotices(new Date())).map((reservation) => reservation.ordenId));
    expect(holds.filter((h) => pending.has(h.ordenId))).toEqual([]);
  });
});
