import { randomUUID } from 'node:crypto';
import { signRequest, signTimestamped } from '@inventario/signature';
import {
  capturingLogger,
  createQueue,
  drain,
  emulatorClients,
  KEY,
  realConsumerDeps,
  signedEnvelope,
  sqsRecord,
  type EmulatorClients,
} from '../../../test/support/consumer-harness';
import { hold, stockedProduct } from '../../../test/support/holds';
import { commandEntry, commandPath } from '../../contract/catalogue';
import type { CommandEnvelope } from '../../contract/envelope';
import { processCommandBatch } from './process-command-batch';
import { processCommandMessage, type CommandConsumerDeps } from './process-command-message';
import { QUARANTINE_ATTRIBUTE } from './quarantine';

type StepType = 'ConfirmarReserva' | 'LiberarReserva';

let clients: EmulatorClients;
let deadLetterQueueUrl: string;

beforeAll(async () => {
  clients = emulatorClients();
  deadLetterQueueUrl = await createQueue(clients.sqs, 'reservation-steps-dlq');
});

afterAll(() => clients.destroy());

function depsFor(type: StepType): CommandConsumerDeps {
  return realConsumerDeps(clients, { type, deadLetterQueueUrl, logger: capturingLogger().logger });
}

/** An envelope as the gateway makes it for a step posted, signed with `v2`, to `path`. */
function requestBound(tipo: StepType, path: string, ordenId: string, raw = ''): CommandEnvelope {
  return signedEnvelope(raw, { tipo, orden_id: ordenId, ruta: path, firma: signRequest(KEY, { method: 'POST', path }, raw) });
}

/** The quarantine reason of each message kept in the dead-letter queue, by envelope id. */
async function quarantined(): Promise<Map<string, string | undefined>> {
  const kept = await drain(clients.sqs, deadLetterQueueUrl);
  return new Map(kept.map((m) => [(JSON.parse(m.Body ?? '{}') as { id: string }).id, m.MessageAttributes?.[QUARANTINE_ATTRIBUTE]?.StringValue]));
}

async function activeHold(units = 2): Promise<{ productoId: string; ordenId: string }> {
  const productoId = await stockedProduct(clients.store, 10);
  return { productoId, ordenId: await hold(clients.store, productoId, units) };
}

describe('a reservation step, whose id is the path', () => {
  it.each([
    ['ConfirmarReserva', 'CONFIRMADA', ''],
    ['LiberarReserva', 'LIBERADA', '{}'],
  ] as const)('%s signed with v2 for the hold path applies with an id-less body', async (type, estado, raw) => {
    const { ordenId } = await activeHold();
    const path = `/dev${commandPath(commandEntry(type), ordenId)}`;
    await expect(processCommandMessage(sqsRecord(JSON.stringify(requestBound(type, path, ordenId, raw))), depsFor(type))).resolves.toBe('APLICADA');
    expect((await clients.store.getReservation(ordenId))?.estado).toBe(estado);
  });

  it('is quarantined as a bad signature, changing no hold, when the envelope names another hold than the signed path', async () => {
    const signedFor = await activeHold();
    const claimed = await activeHold();
    const message = requestBound('ConfirmarReserva', commandPath(commandEntry('ConfirmarReserva'), signedFor.ordenId), claimed.ordenId);
    await expect(processCommandMessage(sqsRecord(JSON.stringify(message)), depsFor('ConfirmarReserva'))).resolves.toBe('CUARENTENA');
    expect((await clients.store.getReservation(claimed.ordenId))?.estado).toBe('ACTIVA');
    expect((await clients.store.getReservation(signedFor.ordenId))?.estado).toBe('ACTIVA');
    expect(await clients.store.getCommand('ConfirmarReserva', claimed.ordenId)).toBeUndefined();
    expect((await quarantined()).get(message.id)).toBe('FIRMA_INVALIDA');
  });

  it('checks the signed path in a batch too: only the message whose path names its hold applies', async () => {
    const good = await activeHold();
    const other = await activeHold();
    const entry = commandEntry('LiberarReserva');
    const honest = requestBound('LiberarReserva', commandPath(entry, good.ordenId), good.ordenId);
    const moved = requestBound('LiberarReserva', commandPath(entry, good.ordenId), other.ordenId);
    const deps = { ...depsFor('LiberarReserva'), applier: clients.store };
    const results = await processCommandBatch([sqsRecord(JSON.stringify(honest)), sqsRecord(JSON.stringify(moved))], deps);
    expect(results.map((r) => (r.ok ? r.result : 'ERROR'))).toEqual(['APLICADA', 'CUARENTENA']);
    expect((await clients.store.getReservation(other.ordenId))?.estado).toBe('ACTIVA');
    expect((await quarantined()).get(moved.id)).toBe('FIRMA_INVALIDA');
  });

  it('signed with v1 (body only) applies when the body names its hold', async () => {
    const { ordenId } = await activeHold();
    const raw = JSON.stringify({ orden_id: ordenId });
    const message = signedEnvelope(raw, { tipo: 'LiberarReserva', orden_id: ordenId, firma: signTimestamped(KEY, raw) });
    await expect(processCommandMessage(sqsRecord(JSON.stringify(message)), depsFor('LiberarReserva'))).resolves.toBe('APLICADA');
    expect((await clients.store.getReservation(ordenId))?.estado).toBe('LIBERADA');
  });

  it('signed with v1 over a body that names no hold is quarantined: that signature would fit every hold', async () => {
    const { ordenId } = await activeHold();
    const message = signedEnvelope('', { tipo: 'LiberarReserva', orden_id: ordenId, firma: signTimestamped(KEY, '') });
    await expect(processCommandMessage(sqsRecord(JSON.stringify(message)), depsFor('LiberarReserva'))).resolves.toBe('CUARENTENA');
    expect((await clients.store.getReservation(ordenId))?.estado).toBe('ACTIVA');
    expect(await clients.store.getCommand('LiberarReserva', ordenId)).toBeUndefined();
    expect((await quarantined()).get(message.id)).toBe('FIRMA_INVALIDA');
  });

  it('is quarantined, changing no hold, when the body names another id than the envelope', async () => {
    const { ordenId } = await activeHold();
    const raw = JSON.stringify({ orden_id: `otra-${randomUUID()}` });
    const message = requestBound('ConfirmarReserva', commandPath(commandEntry('ConfirmarReserva'), ordenId), ordenId, raw);
    await expect(processCommandMessage(sqsRecord(JSON.stringify(message)), depsFor('ConfirmarReserva'))).resolves.toBe('CUARENTENA');
    expect((await clients.store.getReservation(ordenId))?.estado).toBe('ACTIVA');
    expect((await quarantined()).get(message.id)).toBe('MENSAJE_INVALIDO');
  });
});
