import { capturingLogger, drain, emulatorClients, outcomeQueue, type EmulatorClients } from '../../../test/support/consumer-harness';
import { hold, secondsAgo, stockedProduct } from '../../../test/support/holds';
import { OUTCOME_TOPIC } from '../../contract/catalogue';
import { SnsOutcomePublisher } from '../publish/sns-outcome-publisher';
import { sweepReservations, type SweepDeps } from './sweep-reservations';

let clients: EmulatorClients;
let outcomeQueueUrl: string;

beforeAll(async () => {
  clients = emulatorClients();
  outcomeQueueUrl = await outcomeQueue(clients, 'sweep-outcomes');
});

afterAll(() => clients.destroy());

function depsWith(topicArn = clients.config.topicArns[OUTCOME_TOPIC] ?? ''): SweepDeps & { lines: ReturnType<typeof capturingLogger>['lines'] } {
  const { logger, lines } = capturingLogger();
  return { store: clients.store, outcomes: new SnsOutcomePublisher({ client: clients.sns, topicArn }), logger, lines };
}

async function expiryEventsOf(ordenId: string): Promise<Record<string, unknown>[]> {
  const events = (await drain(clients.sqs, outcomeQueueUrl)).map((m) => JSON.parse(m.Body ?? '{}') as Record<string, unknown>);
  return events.filter((event) => event.orden_id === ordenId && event.tipo === 'ReservaExpirada');
}

async function centralOf(productoId: string) {
  return (await clients.store.getProductDetail(productoId))?.ubicaciones?.find((u) => u.ubicacion_id === 'CENTRAL');
}

describe('a sweep', () => {
  it('gives back a hold past its expiry once and announces ReservaExpirada with its lines', async () => {
    const productoId = await stockedProduct(clients.store, 10);
    const ordenId = await hold(clients.store, productoId, 4, secondsAgo(61));
    expect(await centralOf(productoId)).toMatchObject({ stock: 10, reservado: 4, disponible: 6 });

    const deps = depsWith();
    const result = await sweepReservations(deps);

    expect(result.expiradas).toBeGreaterThanOrEqual(1);
    expect((await clients.store.getReservation(ordenId))?.estado).toBe('EXPIRADA');
    expect(await centralOf(productoId)).toMatchObject({ stock: 10, reservado: 0, disponible: 10 });
    const events = await expiryEventsOf(ordenId);
    expect(events).toEqual([
      expect.objectContaining({
        id: `ExpirarReserva#${ordenId}#ReservaExpirada`,
        comando: 'ExpirarReserva',
        lineas: [{ producto_id: productoId, ubicacion_id: 'CENTRAL', cantidad: 4 }],
      }),
    ]);
    expect(deps.lines.find((line) => line.message === 'Reservations swept')?.attributes).toMatchObject({ expiradas: result.expiradas });
  });

  it('gives a hold back at the first sweep at or after its expiry, so within one sweeper period of it', async () => {
    const productoId = await stockedProduct(clients.store, 3);
    const madeAt = secondsAgo(30);
    const ordenId = await hold(clients.store, productoId, 3, madeAt);
    const expiry = new Date(madeAt.getTime() + 60_000);

    await sweepReservations({ ...depsWith(), now: () => new Date(expiry.getTime() - 1) });
    expect((await clients.store.getReservation(ordenId))?.estado).toBe('ACTIVA');
    expect(await centralOf(productoId)).toMatchObject({ reservado: 3 });

    await sweepReservations({ ...depsWith(), now: () => expiry });
    expect(await centralOf(productoId)).toMatchObject({ reservado: 0, disponible: 3 });
    expect(await expiryEventsOf(ordenId)).toHaveLength(1);
  });

  it('leaves a hold not yet due alone', async () => {
    const productoId = await stockedProduct(clients.store, 5);
    const ordenId = await hold(clients.store, productoId, 2);
    await sweepReservations(depsWith());
    expect((await clients.store.getReservation(ordenId))?.estado).toBe('ACTIVA');
    expect(await centralOf(productoId)).toMatchObject({ reservado: 2, disponible: 3 });
  });

  it('that died between giving the units back and publishing is finished by the next one, which announces it once', async () => {
    const productoId = await stockedProduct(clients.store, 8);
    const ordenId = await hold(clients.store, productoId, 3, secondsAgo(61));
    const missingTopic = `${clients.config.topicArns[OUTCOME_TOPIC] ?? ''}-missing`;

    await expect(sweepReservations(depsWith(missingTopic))).rejects.toThrow();
    expect((await clients.store.getReservation(ordenId))?.estado).toBe('EXPIRADA');
    expect(await expiryEventsOf(ordenId)).toEqual([]);

    const next = await sweepReservations(depsWith());
    expect(next.avisosReenviados).toBeGreaterThanOrEqual(1);
    await sweepReservations(depsWith());
    expect(await expiryEventsOf(ordenId)).toHaveLength(1);
    expect(await centralOf(productoId)).toMatchObject({ stock: 8, reservado: 0, disponible: 8 });
  });
});
