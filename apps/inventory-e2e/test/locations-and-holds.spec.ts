import { listenToOutcomes, signedPost, uniqueOrderId, uniqueProductId, type OutcomeListener } from '@inventario/local-stack';
import request from 'supertest';
import { waitForOutcome, type Outcome } from './support/client';
import { settleAll } from './support/settle-all';
import { startSystem, type RunningSystem } from './support/system';

const KEY = 'e2e-signing-key';
let system: RunningSystem;
let outcomes: OutcomeListener;

beforeAll(async () => {
  await settleAll([startSystem({ key: KEY }).then((running) => (system = running)), listenToOutcomes(process.env).then((listener) => (outcomes = listener))]);
});

afterAll(async () => {
  await Promise.all([system?.stop(), outcomes?.stop()]);
});

interface LocationStock {
  ubicacion_id: string;
  stock: number;
  reservado: number;
  disponible: number;
}

/** Posts a command signed v1 (its body names its id) and follows its estado_url to the end. */
async function send(route: string, body: Record<string, unknown>): Promise<Outcome & { lineas?: { ubicacion_id?: string }[] }> {
  const accepted = await signedPost(system.url, route, body, { key: KEY });
  expect({ route, status: accepted.status }).toEqual({ route, status: 202 });
  return waitForOutcome(system.url, accepted.body.estado_url as string);
}

async function locations(productoId: string): Promise<Record<string, LocationStock>> {
  const response = await request(system.url).get(`/dev/productos/${productoId}`);
  expect(response.status).toBe(200);
  return Object.fromEntries((response.body.ubicaciones as LocationStock[]).map((location) => [location.ubicacion_id, location]));
}

async function ledgerByLocation(productoId: string): Promise<Record<string, number>> {
  const sums: Record<string, number> = {};
  let cursor: string | undefined;
  do {
    const response = await request(system.url).get(`/productos/${productoId}/movimientos`).query({ limit: 100, ...(cursor && { cursor }) });
    for (const entry of response.body.data as { cantidad: number; ubicacion_id?: string }[]) {
      const location = entry.ubicacion_id ?? 'CENTRAL';
      sums[location] = (sums[location] ?? 0) + entry.cantidad;
    }
    cursor = response.body.siguiente;
  } while (cursor);
  return sums;
}

describe('stock per location through the gateway', () => {
  it('keeps two stores selling one product, and a transfer racing the sales at its source, each at or above zero with exact totals', async () => {
    const productoId = uniqueProductId();
    await send('/orden-compra', { orden_id: uniqueOrderId('compra'), producto_id: productoId, cantidad: 20, nombre: 'Tienda', precio: 3, ubicacion_id: 'TIENDA-A' });
    await send('/orden-compra', { orden_id: uniqueOrderId('compra'), producto_id: productoId, cantidad: 10, ubicacion_id: 'TIENDA-B' });

    const sales = (location: string, count: number) =>
      Array.from({ length: count }, () => send('/orden-venta', { orden_id: uniqueOrderId('venta'), producto_id: productoId, cantidad: 1, ubicacion_id: location }));
    const transfers = Array.from({ length: 4 }, () =>
      send('/transferir-stock', { orden_id: uniqueOrderId('traslado'), producto_id: productoId, desde: 'TIENDA-A', hacia: 'TIENDA-B', cantidad: 3 }),
    );
    const [soldAtA, soldAtB, moved] = await Promise.all([Promise.all(sales('TIENDA-A', 25)), Promise.all(sales('TIENDA-B', 25)), Promise.all(transfers)]);

    const applied = (results: Outcome[]) => results.filter((outcome) => outcome.estado === 'APLICADA').length;
    const movedUnits = applied(moved) * 3;
    const at = await locations(productoId);
    expect(at['TIENDA-A']?.stock).toBe(20 - movedUnits - applied(soldAtA));
    expect(at['TIENDA-B']?.stock).toBe(10 + movedUnits - applied(soldAtB));
    expect(at['TIENDA-A']?.stock).toBeGreaterThanOrEqual(0);
    expect(at['TIENDA-B']?.stock).toBeGreaterThanOrEqual(0);
    // 20 + 10 units were there: every sale refused was short at its own store.
    expect(applied(soldAtA) + applied(soldAtB)).toBe(30 - (at['TIENDA-A']?.stock ?? 0) - (at['TIENDA-B']?.stock ?? 0));
    const total = (await request(system.url).get(`/productos/${productoId}`)).body.stock as number;
    expect(total).toBe((at['TIENDA-A']?.stock ?? 0) + (at['TIENDA-B']?.stock ?? 0));
    expect(await ledgerByLocation(productoId)).toEqual({ 'TIENDA-A': at['TIENDA-A']?.stock, 'TIENDA-B': at['TIENDA-B']?.stock });
  });

  it("lists one store's stock, paginated", async () => {
    const ids = [uniqueProductId(), uniqueProductId()];
    for (const id of ids) await send('/orden-compra', { orden_id: uniqueOrderId('compra'), producto_id: id, cantidad: 2, nombre: 'Lista', precio: 1, ubicacion_id: 'TIENDA-LISTA' });

    const seen: { producto_id: string; stock: number; disponible: number }[] = [];
    let cursor: string | undefined;
    do {
      const page = await request(system.url).get('/ubicaciones/TIENDA-LISTA/productos').query({ limit: 1, ...(cursor && { cursor }) });
      expect(page.status).toBe(200);
      seen.push(...page.body.data);
      cursor = page.body.siguiente;
    } while (cursor);
    expect(seen.map((row) => row.producto_id).sort()).toEqual([...ids].sort());
    expect(seen.every((row) => row.stock === 2 && row.disponible === 2)).toBe(true);
  });
});

describe('reservations through the gateway', () => {
  it('holds stock a plain sale cannot take, confirms one hold into a sale and releases another, announcing each step', async () => {
    const productoId = uniqueProductId();
    await send('/orden-compra', { orden_id: uniqueOrderId('compra'), producto_id: productoId, cantidad: 5, nombre: 'Reserva', precio: 2 });
    const [first, second] = [uniqueOrderId('reserva'), uniqueOrderId('reserva')];

    const held = await send('/reservas', { orden_id: first, items: [{ producto_id: productoId, cantidad: 3 }] });
    const other = await send('/reservas', { orden_id: second, items: [{ producto_id: productoId, cantidad: 2 }], expira_en_s: 600 });
    const short = await send('/orden-venta', { orden_id: uniqueOrderId('venta'), producto_id: productoId, cantidad: 1 });

    expect(held).toMatchObject({ orden_id: first, estado: 'ACTIVA', lineas: [{ producto_id: productoId, ubicacion_id: 'CENTRAL', cantidad: 3 }] });
    expect(other.estado).toBe('ACTIVA');
    expect(short).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'STOCK_INSUFICIENTE' } });
    expect((await locations(productoId))['CENTRAL']).toEqual({ ubicacion_id: 'CENTRAL', stock: 5, reservado: 5, disponible: 0 });

    const confirmed = await send(`/reservas/${first}/confirmar`, { orden_id: first });
    const released = await send(`/dev/reservas/${second}/liberar`, { orden_id: second });
    const late = await send(`/reservas/${first}/liberar`, { orden_id: first });

    expect(confirmed).toMatchObject({ tipo: 'ConfirmarReserva', estado: 'APLICADA', lineas: [{ cantidad: -3, stock_resultante: 2 }] });
    expect(released).toMatchObject({ tipo: 'LiberarReserva', estado: 'APLICADA' });
    expect(late).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'RESERVA_NO_ACTIVA' } });
    expect((await request(system.url).get(`/reservas/${first}`)).body).toMatchObject({ estado: 'CONFIRMADA' });
    expect((await request(system.url).get(`/reservas/${second}`)).body).toMatchObject({ estado: 'LIBERADA' });
    expect((await locations(productoId))['CENTRAL']).toEqual({ ubicacion_id: 'CENTRAL', stock: 2, reservado: 0, disponible: 2 });

    await outcomes.finalOutcome('LiberarReserva', first, 30_000);
    const announced = outcomes.events.map(({ event }) => `${event.tipo} ${event.comando} ${event.orden_id}`);
    expect(announced).toEqual(
      expect.arrayContaining([
        `ReservaCreada CrearReserva ${first}`,
        `ReservaCreada CrearReserva ${second}`,
        `ReservaConfirmada ConfirmarReserva ${first}`,
        `StockActualizado ConfirmarReserva ${first}`,
        `ReservaLiberada LiberarReserva ${second}`,
        `OrdenRechazada LiberarReserva ${first}`,
      ]),
    );
  });

  it('refuses a step of a hold that does not exist, and a v1 step whose body does not name its hold', async () => {
    const missing = uniqueOrderId('nada');
    const refused = await send(`/reservas/${missing}/confirmar`, { orden_id: missing });
    expect(refused).toMatchObject({ estado: 'RECHAZADA', motivo: { codigo: 'RESERVA_NO_EXISTE' } });

    const unnamed = await signedPost(system.url, `/reservas/${missing}/liberar`, {}, { key: KEY });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body).toMatchObject({ codigo: 'VALIDACION', detalles: [{ campo: 'orden_id' }] });
  });
});
