import { METRIC_NAMES, RecordingCommandMetrics } from '@inventario/observability';
import request from 'supertest';
import { createTestGateway, NOW_SECONDS, saleBody, signedPost, unsignedPost } from '../test/support/gateway';

describe('what the gateway counts', () => {
  it('counts an accepted command by its tipo (ComandosAceptados)', async () => {
    const metrics = new RecordingCommandMetrics();
    const gateway = createTestGateway({ metrics });
    await signedPost(gateway.app, '/orden-venta', saleBody());
    await signedPost(gateway.app, '/orden-compra', { producto_id: 'PRO001', cantidad: 1, nombre: 'A', precio: 1 });
    expect(metrics.count(METRIC_NAMES.commandAccepted, { tipo: 'OrdenVenta' })).toBe(1);
    expect(metrics.count(METRIC_NAMES.commandAccepted, { tipo: 'OrdenCompra' })).toBe(1);
    expect(metrics.count(METRIC_NAMES.requestRefused)).toBe(0);
  });

  it('counts each signature failure by its codigo (FirmasRechazadas), and accepts nothing', async () => {
    const metrics = new RecordingCommandMetrics();
    const gateway = createTestGateway({ metrics });
    await unsignedPost(gateway.app, '/orden-venta', JSON.stringify(saleBody()));
    await signedPost(gateway.app, '/orden-venta', saleBody(), { key: 'otra-clave' });
    await signedPost(gateway.app, '/orden-venta', saleBody(), { timestamp: NOW_SECONDS - 301 });
    expect(metrics.recorded.filter((m) => m.name === METRIC_NAMES.signatureRejected).map((m) => m.dimensions.codigo)).toEqual([
      'FIRMA_AUSENTE',
      'FIRMA_INVALIDA',
      'FIRMA_EXPIRADA',
    ]);
    expect(metrics.count(METRIC_NAMES.commandAccepted)).toBe(0);
  });

  it('counts every 4xx answer by its codigo (SolicitudesRechazadas), and no 2xx or 5xx', async () => {
    const metrics = new RecordingCommandMetrics();
    const gateway = createTestGateway({ metrics });
    await signedPost(gateway.app, '/orden-venta', { producto_id: 'X' });
    await signedPost(gateway.app, '/orden-venta', '{');
    await request(gateway.app).get('/nada');
    await request(gateway.app).get('/health');
    gateway.publisher.failure = new Error('down');
    await signedPost(gateway.app, '/orden-venta', saleBody());
    expect(metrics.recorded.filter((m) => m.name === METRIC_NAMES.requestRefused).map((m) => m.dimensions.codigo)).toEqual([
      'VALIDACION',
      'JSON_INVALIDO',
      'NO_ENCONTRADO',
    ]);
  });
});
