import { randomUUID } from 'node:crypto';
import { uniqueOrderId, uniqueProductId } from '@inventario/local-stack';
import { TEST_KEY } from './support/commands';
import { startRunningSystem, type RunningSystem } from './support/running-system';
import { inv } from './support/run-inv';

let system: RunningSystem;

beforeAll(async () => {
  system = await startRunningSystem();
});

afterAll(async () => {
  await system?.stop();
});

const client = (args: string[]) => inv(['--url', system.gateway.url, ...args], { SIGNATURE_SECRET: TEST_KEY });

interface Line {
  producto_id: string;
  cantidad: number;
  ubicacion_id?: string;
  stock_ubicacion?: number;
  reservado?: number;
  disponible?: number;
}

interface Waited {
  orden_id: string;
  estado_url: string;
  resultado: { tipo: string; estado: string; motivo?: { codigo: string }; lineas?: Line[] };
}

/** A location of this test's own, so its listing holds only this test's products. */
function uniqueLocation(): string {
  return `T-${randomUUID().slice(0, 8).toUpperCase()}`;
}

describe('stock per location, transfers and holds from the CLI', () => {
  const product = uniqueProductId();
  const store = uniqueLocation();
  const confirmed = uniqueOrderId('hold');
  const released = uniqueOrderId('hold');
  const signedV1 = uniqueOrderId('hold');

  it('buys at CENTRAL and at a location, and moves units between them', async () => {
    const central = await client(['send', 'orden-compra', '--producto-id', product, '--cantidad', '10', '--nombre', 'Cuaderno', '--precio', '3', '--idempotency-key', uniqueOrderId(), '--wait', '-o', 'json']);
    expect(central.code).toBe(0);

    const atStore = await client(['send', 'orden-compra', '--orden-id', uniqueOrderId(), '--producto-id', product, '--cantidad', '5', '--ubicacion-id', store, '--wait', '-o', 'json']);
    expect(atStore.code).toBe(0);
    expect(atStore.json<Waited>().resultado).toMatchObject({
      tipo: 'OrdenCompra',
      estado: 'APLICADA',
      lineas: [{ producto_id: product, cantidad: 5, ubicacion_id: store, stock_ubicacion: 5 }],
    });

    const moved = await client(['transfer', product, '3', '--desde', 'CENTRAL', '--hacia', store, '--wait', '-o', 'json']);
    expect(moved.code).toBe(0);
    const transfer = moved.json<Waited>();
    expect(transfer.estado_url).toBe(`/transferir-stock/${encodeURIComponent(transfer.orden_id)}`);
    expect(transfer.resultado).toMatchObject({ tipo: 'TransferirStock', estado: 'APLICADA' });
    expect(transfer.resultado.lineas).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ubicacion_id: 'CENTRAL', cantidad: -3, stock_ubicacion: 7 }),
        expect.objectContaining({ ubicacion_id: store, cantidad: 3, stock_ubicacion: 8 }),
      ]),
    );
  });

  it('holds units at a location and confirms the hold with an empty v2 body', async () => {
    const held = await client(['reserve', product, '2', '--ubicacion-id', store, '--orden-id', confirmed, '--expira-en-s', '600', '--wait', '-o', 'json']);
    expect(held.code).toBe(0);
    expect(held.json<Waited>()).toMatchObject({ orden_id: confirmed, estado_url: `/reservas/${confirmed}` });
    expect(held.json<Waited>().resultado).toMatchObject({ tipo: 'CrearReserva', estado: 'ACTIVA', lineas: [{ producto_id: product, ubicacion_id: store, cantidad: 2 }] });

    const whileHeld = await client(['location', store, '--json']);
    expect(whileHeld.json()).toEqual({ data: [{ producto_id: product, nombre: 'Cuaderno', estado: true, ubicacion_id: store, stock: 8, reservado: 2, disponible: 6 }] });

    const sold = await client(['confirm', confirmed, '--wait', '-o', 'json']);
    expect(sold.code).toBe(0);
    expect(sold.json<Waited>()).toMatchObject({ orden_id: confirmed, estado_url: `/reservas/${confirmed}/confirmar` });
    expect(sold.json<Waited>().resultado).toMatchObject({
      tipo: 'ConfirmarReserva',
      estado: 'APLICADA',
      lineas: [{ producto_id: product, cantidad: -2, ubicacion_id: store, stock_ubicacion: 6, reservado: 0, disponible: 6 }],
    });

    const read = await client(['reservation', confirmed]);
    expect(read.code).toBe(0);
    expect(read.stdout).toMatch(/estado\s*│\s*CONFIRMADA/);
    expect(read.stdout).toMatch(new RegExp(`${product}\\s*│\\s*${store}\\s*│\\s*2`));
  });

  it('releases another hold given as its path, and refuses to release a confirmed one (exit 3)', async () => {
    const held = await client(['send', 'reservas', '--orden-id', released, '--producto-id', product, '--cantidad', '1', '--wait', '-o', 'json']);
    expect(held.json<Waited>().resultado).toMatchObject({ estado: 'ACTIVA', lineas: [{ ubicacion_id: 'CENTRAL', cantidad: 1 }] });

    const given = await client(['send', `/reservas/${released}/liberar`, '--wait', '-o', 'json']);
    expect(given.code).toBe(0);
    expect(given.json<Waited>().resultado).toMatchObject({ tipo: 'LiberarReserva', estado: 'APLICADA', lineas: [{ ubicacion_id: 'CENTRAL', reservado: 0, disponible: 7 }] });
    expect((await client(['reservation', released, '--json'])).json()).toMatchObject({ orden_id: released, tipo: 'CrearReserva', estado: 'LIBERADA' });

    const again = await client(['release', confirmed, '--wait']);
    expect(again.code).toBe(3);
    expect(again.stdout).toMatch(/estado\s*│\s*RECHAZADA/);
    expect(again.stdout).toContain('RESERVA_NO_ACTIVA');
  });

  it('signs a step --v1 with its id in the body; without it the gateway answers 400', async () => {
    expect((await client(['reserve', product, '1', '--ubicacion-id', store, '--orden-id', signedV1, '--wait'])).code).toBe(0);

    const bare = await client(['send', `reservas/${signedV1}/confirmar`, '--json', '', '--v1']);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/^inv: 400 VALIDACION: /m);

    const named = await client(['send', 'reservas/{orden_id}/confirmar', '--orden-id', signedV1, '--v1', '--wait', '-o', 'json']);
    expect(named.code).toBe(0);
    expect(named.json<Waited>().resultado).toMatchObject({ tipo: 'ConfirmarReserva', estado: 'APLICADA', lineas: [{ ubicacion_id: store, stock_ubicacion: 5 }] });
  });

  it('reads the product per location, the location, the ledger and a step', async () => {
    const detail = await client(['product', product, '--json']);
    expect(detail.json()).toEqual({
      producto_id: product,
      nombre: 'Cuaderno',
      stock: 12,
      precio: 3,
      estado: true,
      ubicaciones: [
        { ubicacion_id: 'CENTRAL', stock: 7, reservado: 0, disponible: 7 },
        { ubicacion_id: store, stock: 5, reservado: 0, disponible: 5 },
      ],
    });
    const detailText = await client(['product', product]);
    expect(detailText.stdout).toMatch(new RegExp(`${store}\\s*│\\s*5\\s*│\\s*0\\s*│\\s*5`));

    const listing = await client(['location', store, '--limit', '10']);
    expect(listing.code).toBe(0);
    expect(listing.stdout).toMatch(new RegExp(`${product}\\s*│\\s*Cuaderno\\s*│\\s*true\\s*│\\s*5\\s*│\\s*0\\s*│\\s*5`));

    const ledger = await client(['ledger', product, '--json']);
    const entries = ledger.json<{ data: { tipo: string; cantidad: number; ubicacion_id?: string }[] }>().data;
    expect(entries.map((e) => [e.tipo, e.cantidad, e.ubicacion_id]).sort()).toEqual(
      [
        ['COMPRA', 10, undefined],
        ['COMPRA', 5, store],
        ['TRANSFERENCIA', -3, undefined],
        ['TRANSFERENCIA', 3, store],
        ['VENTA', -2, store],
        ['VENTA', -1, store],
      ].sort(),
    );
    const ledgerText = await client(['ledger', product]);
    expect(ledgerText.stdout).toMatch(/TRANSFERENCIA\s*│\s*\S+\s*│\s*CENTRAL\s*│\s*-3/);

    const step = await client(['status', released, '--route', `reservas/${released}/liberar`, '--json']);
    expect(step.code).toBe(0);
    expect(step.json()).toMatchObject({ orden_id: released, tipo: 'LiberarReserva', estado: 'APLICADA' });

    const otherStep = await client(['status', released, '--route', `reservas/${confirmed}/liberar`]);
    expect(otherStep.code).toBe(1);
    expect(otherStep.stderr).toContain(`--route names ${confirmed}, not ${released}`);

    // The hold, its confirmation and the refused release: one refusal among them exits 3.
    const every = await client(['status', confirmed, '--json']);
    expect(every.code).toBe(3);
    expect(every.json<{ tipo: string; estado: string }[]>().map((read) => [read.tipo, read.estado])).toEqual([
      ['CrearReserva', 'CONFIRMADA'],
      ['ConfirmarReserva', 'APLICADA'],
      ['LiberarReserva', 'RECHAZADA'],
    ]);
  });
});
