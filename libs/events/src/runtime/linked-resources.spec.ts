import { linksFrom } from './linked-resources';

describe('reading SST links', () => {
  it('gathers links by kind and ignores entries it does not know', () => {
    const links = linksFrom({
      App: { name: 'inventario-gateway', stage: 'prod' },
      OrdenCompraTopic: { kind: 'topic', topic: 'OrdenCompra', arn: 'arn:1' },
      OrdenVentaTopic: { kind: 'topic', topic: 'OrdenVenta', arn: 'arn:2' },
      CommandsTable: { kind: 'table', role: 'commands', name: 'cmd' },
      Unrelated: { url: 'https://example.invalid' },
    });
    expect(links).toEqual({
      stage: 'prod',
      topicArns: { OrdenCompra: 'arn:1', OrdenVenta: 'arn:2' },
      queueUrls: {},
      tables: { commands: 'cmd' },
      queryFunctionName: undefined,
      signatureSecret: undefined,
    });
  });
});
