import type { SNSClient } from '@aws-sdk/client-sns';
import { ERROR_CODES, type CommandType } from '@inventario/inventory-core';
import { commandEntry } from './contract/catalogue';
import { OutcomePublishError, QueryFailedError, RuntimeConfigError, UnknownCommandError } from './errors';
import { SnsOutcomePublisher } from './adapters/publish/sns-outcome-publisher';
import { SnsCommandPublisher } from './adapters/publish/sns-command-publisher';
import { LambdaInventoryQueries } from './adapters/queries/lambda-inventory-queries';
import { loadRuntimeConfig } from './runtime/runtime-config';
import { UnsafeSignatureConfigError } from './runtime/signature-startup-check';

/** Calls `run` and gives back what it threw. */
async function thrownBy(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('the errors of the events lib', () => {
  it('each carry a codigo of the one error-code catalogue', () => {
    const errors = [
      new UnknownCommandError('x'),
      new RuntimeConfigError('x'),
      new OutcomePublishError(1),
      new QueryFailedError('x'),
      new UnsafeSignatureConfigError('x'),
    ];
    for (const error of errors) expect(ERROR_CODES).toContain(error.codigo);
  });

  it('keep the error that caused them', () => {
    const cause = new Error('socket hang up');
    expect(new QueryFailedError('Query function failed', { cause }).cause).toBe(cause);
    expect(new OutcomePublishError(2, { cause }).cause).toBe(cause);
  });

  it('refuse a command type the catalogue does not know with UnknownCommandError', async () => {
    const error = await thrownBy(() => commandEntry('Desconocido' as CommandType));
    expect(error).toBeInstanceOf(UnknownCommandError);
    expect(error).toMatchObject({ codigo: 'ERROR_INTERNO', message: 'No catalogue entry for Desconocido' });
  });

  it('refuse a negative STOCK_MINIMO with RuntimeConfigError', async () => {
    const error = await thrownBy(() => loadRuntimeConfig({ STOCK_MINIMO: '-1' }, undefined));
    expect(error).toBeInstanceOf(RuntimeConfigError);
    expect(error).toMatchObject({ codigo: 'ERROR_INTERNO' });
  });

  it('refuse to publish a command whose topic has no ARN configured, before calling SNS', async () => {
    const client = { send: () => Promise.reject(new Error('SNS must not be called')) } as unknown as SNSClient;
    const publisher = new SnsCommandPublisher({ client, topicArns: {} });
    const error = await thrownBy(() => publisher.publish(commandEntry('OrdenVenta'), {} as never));
    expect(error).toBeInstanceOf(RuntimeConfigError);
    expect(error).toMatchObject({ message: 'No topic ARN configured for OrdenVenta' });
  });

  // The emulator publishes every entry of a batch or refuses the call; a partial failure is SNS's alone.
  it('report outcome events SNS left unpublished with OutcomePublishError, so the message is retried', async () => {
    const client = { send: () => Promise.resolve({ Successful: [], Failed: [{ Id: '0' }, { Id: '1' }] }) } as unknown as SNSClient;
    const publisher = new SnsOutcomePublisher({ client, topicArn: 'arn:aws:sns:us-east-1:000000000000:InventarioEventos' });
    const event = { tipo: 'StockActualizado', correlation_id: 'corr-1' };
    const error = await thrownBy(() => publisher.publish([event, event] as never));
    expect(error).toBeInstanceOf(OutcomePublishError);
    expect(error).toMatchObject({ codigo: 'NO_DISPONIBLE', failed: 2, message: '2 outcome events were not published' });
  });

  it('report a query the query function could not answer with QueryFailedError', async () => {
    const queries = new LambdaInventoryQueries(() => Promise.resolve({ ok: false, codigo: 'NO_DISPONIBLE', error: 'store down' }));
    const error = await thrownBy(() => queries.getProduct('PRO001'));
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(error).toMatchObject({ codigo: 'NO_DISPONIBLE', message: 'Query producto failed: NO_DISPONIBLE' });
  });
});
