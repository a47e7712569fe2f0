import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { commandEntry, loadRuntimeConfig, MESSAGE_ATTRIBUTES } from '@inventario/events';
import { signedEnvelope, uniqueOrderId, uniqueProductId } from '@inventario/local-stack';
import type { Page } from 'playwright-core';
import { waitForOutcome } from './support/client';
import { launchBrowser, type Browser } from './support/browser';
import { settleAll } from './support/settle-all';
import { startSystem, type RunningSystem } from './support/system';

const KEY = 'e2e-console-signing-key';
const TOKEN = 'e2e-console-token';
const SCREENSHOTS = path.resolve(__dirname, '../../../dist/console-screenshots');

let system: RunningSystem;
let browser: Browser;
let page: Page;
const productoId = uniqueProductId();
const nombre = `Consola ${randomUUID().slice(0, 6)}`;
const purchaseId = uniqueOrderId('consola-compra');
const saleId = uniqueOrderId('consola-venta');
const loadTimes: Record<string, number> = {};

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await settleAll([
    startSystem({ key: KEY, env: { CONSOLA_TOKEN: TOKEN } }).then((running) => (system = running)),
    launchBrowser().then((launched) => (browser = launched)),
  ]);
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  writeFileSync(path.join(SCREENSHOTS, 'load-times.json'), `${JSON.stringify(loadTimes, null, 2)}\n`);
  await Promise.all([browser?.close(), system?.stop()]);
});

/** Opens a view by its hash, waits for `ready`, records how long the page took to load, and screenshots it. */
async function open(view: string, ready: string, shot: string): Promise<void> {
  // From a blank page, so each view is a fresh load (a hash change alone loads nothing).
  await page.goto('about:blank');
  await page.goto(`${system.url}/consola/#${view}`);
  await page.waitForSelector(ready);
  loadTimes[shot] = Number(await page.evaluate('Math.round(performance.getEntriesByType("navigation")[0].loadEventEnd)'));
  await screenshot(shot);
}

/** Screenshots the page; on the phone-sized viewport, first checks that nothing scrolls sideways. */
async function screenshot(name: string): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  if (width <= 360) expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(width);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function send(route: string, fields: Record<string, string>): Promise<void> {
  await page.selectOption('#f-ruta', route);
  for (const [name, value] of Object.entries(fields)) await page.fill(`#f-${name}`, value);
  await page.click('#enviar-boton');
}

describe('the operations console at /consola', () => {
  it('refuses every console API call without the token, and asks for it', async () => {
    for (const call of ['sesion', 'productos', 'colas', 'comandos/recientes']) {
      const bare = await fetch(`${system.url}/consola/api/${call}`);
      expect(bare.status).toBe(401);
      expect(await bare.json()).toEqual({ error: expect.any(String), codigo: 'NO_AUTORIZADO' });
      const wrong = await fetch(`${system.url}/consola/api/${call}`, { headers: { Authorization: 'Bearer not-the-token' } });
      expect(wrong.status).toBe(401);
    }
    const form = await fetch(`${system.url}/consola/api/enviar/orden-compra`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ producto_id: productoId, cantidad: 1, nombre, precio: 1 }),
    });
    expect(form.status).toBe(401);

    await page.goto(`${system.url}/consola`);
    await page.fill('#token', 'not-the-token');
    await page.click('#login button[type=submit]');
    await page.waitForSelector('#login-estado:has-text("Token incorrecto")');
    await screenshot('login');
    await page.fill('#token', TOKEN);
    await page.click('#login button[type=submit]');
    await page.waitForSelector('#resultados');
  });

  it('buys a new product from the form, signed on the server, and sees it applied', async () => {
    await open('enviar', '#enviar-form', 'enviar');
    await page.fill('#f-orden_id', purchaseId);
    await send('orden-compra', { producto_id: productoId, cantidad: '3', nombre, precio: '12.5' });
    await page.waitForSelector('#envio [data-estado=APLICADA]');
    expect(await page.textContent('#envio')).toContain(`${productoId}: +3 → 3`);
    // The same command a client would have sent: its estado_url answers on the public route.
    expect(await waitForOutcome(system.url, `/orden-compra/${purchaseId}`)).toMatchObject({ estado: 'APLICADA' });
  });

  it('sells past zero from the form and sees the refusal', async () => {
    await page.fill('#f-orden_id', saleId);
    await send('orden-venta', { producto_id: productoId, cantidad: '5' });
    await page.waitForSelector('#envio [data-estado=RECHAZADA]');
    expect(await page.textContent('#envio')).toContain('STOCK_INSUFICIENTE');
    await screenshot('enviar-rechazo');
  });

  it('finds the product by name, its low stock highlighted, then its ledger and its stock chart', async () => {
    await open('productos', '#resultados', 'productos');
    await page.fill('#buscar', nombre.toLowerCase());
    await page.click('#buscar-boton');
    const row = page.locator(`#productos tr[data-producto="${productoId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('class')).toBe('bajo');
    expect(await row.textContent()).toContain('12,50');
    await screenshot('productos-busqueda');

    await row.locator('a').click();
    await page.waitForSelector('#movimientos');
    expect(await page.locator('#movimientos tbody tr').count()).toBe(1);
    expect(await page.textContent('#movimientos')).toContain(purchaseId);
    expect(await page.locator('#grafico path.linea').count()).toBe(1);
    expect(await page.locator('#grafico circle').count()).toBe(1);
    await open(`producto/${productoId}`, '#grafico circle', 'producto');
  });

  it('looks up an outcome by orden_id and sees the latest outcomes arrive', async () => {
    await open('comandos', '#ultimos', 'comandos');
    await page.waitForSelector(`#ultimos tr[data-orden="${saleId}"][data-estado=RECHAZADA]`);
    await page.fill('#orden', saleId);
    await page.click('#consultar');
    await page.waitForSelector('#resultado');
    expect(await page.textContent('#resultado')).toContain('STOCK_INSUFICIENTE');
    await screenshot('comandos-consulta');
  });

  it('peeks a planted dead letter without its signature, and replays it after a dry run', async () => {
    const planted = await plantDeadSale({ orden_id: uniqueOrderId('consola-dlq'), producto_id: productoId, cantidad: 1 });
    await open('colas', '#colas', 'colas');
    const dlqDepth = await page.textContent('#colas tr[data-servicio="movimiento-inventario"] [data-cola="movimiento-inventario-dlq"]');
    expect(Number(dlqDepth?.split(' / ')[0])).toBeGreaterThanOrEqual(1);
    // The queue holds the other suites' dead letters too: ask for this one's, wherever it sits.
    await page.fill('#ver-orden', planted.orden_id);
    await page.click('button[data-ver="movimiento-inventario"]');
    const row = page.locator(`#mensajes tr[data-orden="${planted.orden_id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('REINTENTOS_AGOTADOS');
    expect(await row.textContent()).toContain('OrdenVenta');
    const shown = await page.content();
    expect(shown).not.toContain(planted.firma);
    expect(shown).not.toContain(planted.firma.split('v1=')[1]);
    await screenshot('colas-mensajes');

    expect(await page.isDisabled('#reenviar')).toBe(true);
    await row.locator('button[data-elegir]').click();
    await page.click('#simular');
    await page.waitForSelector('#reenvio-resultado:has-text("se moverían 1")');
    // A dry run moves nothing: no consumer has seen the planted sale, so no route knows it yet.
    expect((await fetch(`${system.url}/orden-venta/${planted.orden_id}`)).status).toBe(404);
    await page.click('#reenviar');
    await page.waitForSelector('#reenvio-resultado:has-text("Movidos 1")');
    expect(await row.count()).toBe(0);
    await screenshot('colas-reenvio');

    expect(await waitForOutcome(system.url, `/orden-venta/${planted.orden_id}`)).toMatchObject({
      estado: 'APLICADA',
      lineas: [{ producto_id: productoId, cantidad: -1, stock_resultante: 2 }],
    });
    // The replayed sale is in the ledger and the chart; this wide view is the README's picture.
    await page.setViewportSize({ width: 1200, height: 800 });
    await open(`producto/${productoId}`, '#grafico circle:nth-of-type(2)', 'producto-escritorio');
    expect(await page.locator('#movimientos tbody tr').count()).toBe(2);
  });
});

/** Sends a signed sale straight to its dead-letter queue, as if it had failed every receive. */
async function plantDeadSale(body: { orden_id: string; producto_id: string; cantidad: number }): Promise<{ orden_id: string; firma: string }> {
  const config = loadRuntimeConfig(process.env);
  const envelope = signedEnvelope('OrdenVenta', body, KEY);
  const sqs = new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false });
  await sqs.send(
    new SendMessageCommand({
      QueueUrl: config.queueUrls[commandEntry('OrdenVenta').deadLetterQueue],
      MessageBody: JSON.stringify(envelope),
      MessageAttributes: {
        [MESSAGE_ATTRIBUTES.type]: { DataType: 'String', StringValue: 'OrdenVenta' },
        [MESSAGE_ATTRIBUTES.correlationId]: { DataType: 'String', StringValue: envelope.correlation_id },
      },
    }),
  );
  sqs.destroy();
  return { orden_id: body.orden_id, firma: envelope.firma };
}
