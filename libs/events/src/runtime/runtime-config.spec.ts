import { DEFAULT_TABLE_NAMES } from '@inventario/inventory-core';
import { RuntimeConfigError } from '../errors';
import { loadRuntimeConfig } from './runtime-config';

const localEnv = {
  STAGE: 'dev',
  TABLE_PRODUCTS: 'product_t',
  INVENTARIO_RESOURCES: JSON.stringify({ topics: { OrdenCompra: 'arn:local:OrdenCompra' }, queues: { 'orden-compra': 'http://local/q' } }),
};

const deployedLinks = {
  App: { name: 'inventario-orden-compra', stage: 'production' },
  SignatureSecret: { value: 'k1,k2' },
  InventarioEventosTopic: { kind: 'topic', topic: 'InventarioEventos', arn: 'arn:aws:sns:eu-west-1:1:inventario-production-InventarioEventos' },
  OrdenCompraDlqQueue: { kind: 'queue', queue: 'orden-compra-dlq', url: 'https://sqs.eu-west-1.amazonaws.com/1/inventario-production-orden-compra-dlq' },
  ProductsTable: { kind: 'table', role: 'products', name: 'inventario-production-product_t' },
  LedgerTable: { kind: 'table', role: 'ledger', name: 'inventario-production-movimientos_t' },
  CommandsTable: { kind: 'table', role: 'commands', name: 'inventario-production-comandos_t' },
  ReservationsTable: { kind: 'table', role: 'reservations', name: 'inventario-production-reservas_t' },
  ConsultarInventarioFunction: { kind: 'query-function', name: 'inventario-production-consultar-inventario' },
  SomethingElse: { arn: 'ignored' },
};

describe('reading the runtime configuration', () => {
  it('reads the local stack from environment variables when no SST links are active', () => {
    const config = loadRuntimeConfig(localEnv);
    expect(config.stage).toBe('dev');
    expect(config.topicArns).toEqual({ OrdenCompra: 'arn:local:OrdenCompra' });
    expect(config.queueUrls).toEqual({ 'orden-compra': 'http://local/q' });
    expect(config.tables).toEqual(DEFAULT_TABLE_NAMES);
    expect(config.signatureSecret).toBeUndefined();
    expect(config.queryFunctionName).toBeUndefined();
  });

  it('reads a deployed function from its SST links: stage, secret, topics, queues, tables, query function', () => {
    const config = loadRuntimeConfig({ AWS_REGION: 'eu-west-1', STOCK_MINIMO: '7' }, deployedLinks);
    expect(config).toEqual({
      region: 'eu-west-1',
      stage: 'production',
      tables: {
        products: 'inventario-production-product_t',
        ledger: 'inventario-production-movimientos_t',
        commands: 'inventario-production-comandos_t',
        reservations: 'inventario-production-reservas_t',
      },
      topicArns: { InventarioEventos: deployedLinks.InventarioEventosTopic.arn },
      queueUrls: { 'orden-compra-dlq': deployedLinks.OrdenCompraDlqQueue.url },
      signatureSecret: 'k1,k2',
      signatureLegacy: true,
      signatureV1: true,
      stockMinimo: 7,
      queryFunctionName: 'inventario-production-consultar-inventario',
    });
  });

  it('reads PRODUCT_CACHE_SIZE as a count, 0 included, and refuses one that is not', () => {
    expect(loadRuntimeConfig(localEnv).productCacheSize).toBeUndefined();
    expect(loadRuntimeConfig({ ...localEnv, PRODUCT_CACHE_SIZE: '0' }).productCacheSize).toBe(0);
    expect(loadRuntimeConfig({ ...localEnv, PRODUCT_CACHE_SIZE: '500' }).productCacheSize).toBe(500);
    expect(() => loadRuntimeConfig({ ...localEnv, PRODUCT_CACHE_SIZE: '-1' })).toThrow('PRODUCT_CACHE_SIZE must be a non-negative integer');
    expect(() => loadRuntimeConfig({ ...localEnv, PRODUCT_CACHE_SIZE: 'many' })).toThrow(RuntimeConfigError);
  });

  it('lets a link win over a variable of the same resource', () => {
    const config = loadRuntimeConfig({ ...localEnv, SIGNATURE_SECRET: 'env-key' }, { App: { stage: 'staging' }, SignatureSecret: { value: 'linked-key' } });
    expect(config.stage).toBe('staging');
    expect(config.signatureSecret).toBe('linked-key');
    expect(config.topicArns).toEqual({ OrdenCompra: 'arn:local:OrdenCompra' });
  });

  it('refuses a link whose known kind has the wrong shape', () => {
    expect(() => loadRuntimeConfig({}, { App: { name: 'x' } })).toThrow();
  });
});
