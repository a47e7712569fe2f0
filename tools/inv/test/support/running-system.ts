import { COMMANDS, loadRuntimeConfig, type LocalWorker } from '@inventario/events';
import { TEST_KEY } from './commands';
import { destroyClients, startConsumer } from './consumer';
import { startGateway, type GatewayProcess } from './gateway-process';

/** The gateway (its own process) and one in-process consumer per catalogue entry, against the test stack. */
export interface RunningSystem {
  gateway: GatewayProcess;
  consumers: LocalWorker[];
  stop(): Promise<void>;
}

/**
 * Starts what `inv` talks to in a test: the gateway with the tests' key and every consumer of the
 * catalogue on its queue. Call from `beforeAll`, and `stop()` from `afterAll`.
 */
export async function startRunningSystem(): Promise<RunningSystem> {
  const config = loadRuntimeConfig(process.env);
  const gateway = await startGateway(TEST_KEY);
  const consumers = COMMANDS.map((entry) =>
    startConsumer(entry, { queueUrl: config.queueUrls[entry.queue] ?? '', deadUrl: config.queueUrls[entry.deadLetterQueue] ?? '' }),
  );
  return {
    gateway,
    consumers,
    stop: async () => {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await gateway.stop();
      destroyClients();
    },
  };
}
