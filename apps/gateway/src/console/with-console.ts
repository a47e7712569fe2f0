import type { QueueUrls } from '@inventario/dead-letters';
import type { RuntimeConfig } from '@inventario/events';
import { LOCAL_DEFAULT_KEY } from '@inventario/signature';
import type { GatewayDeps } from '../gateway-deps';
import { resolveConsoleAccess } from './console-access';
import { loadOnFirstRequest } from './load-on-first-request';
import { RecentCommands, rememberingIntake } from './recent-commands';

/** What decides the console, read at the edge. */
export interface ConsoleOptions {
  /** `CONSOLA_TOKEN`. */
  token: string | undefined;
  /** The folder of the page's static files. */
  staticDir: string;
}

/**
 * The gateway's dependencies with the console added when {@link resolveConsoleAccess} allows it: its
 * token, the signing key (the first of `SIGNATURE_SECRET`), an SQS client for the queues of the runtime
 * configuration, and an intake that remembers the latest commands. Unchanged otherwise, so `/consola`
 * answers 404. Logs which it is, never the token.
 *
 * @example
 * const deps = withConsole(createGatewayDeps(config, logger), config, { token: process.env.CONSOLA_TOKEN, staticDir });
 */
export function withConsole(deps: GatewayDeps, config: RuntimeConfig, options: ConsoleOptions): GatewayDeps {
  const access = resolveConsoleAccess({ stage: config.stage, token: options.token, usesLocalDefaultKey: deps.keyRing.usesLocalDefault });
  if (!access.enabled) {
    deps.logger.info('Console off', { reason: access.reason });
    return deps;
  }
  if (access.usesLocalToken) deps.logger.warn('Console on at /consola with the local token (local use only); set CONSOLA_TOKEN for another');
  else deps.logger.info('Console on at /consola');
  const recent = new RecentCommands();
  const token = access.token;
  return {
    ...deps,
    intake: rememberingIntake(deps.intake, recent),
    console: (resolved) =>
      loadOnFirstRequest(() => {
        // Loaded here, not at the top, so a gateway that nobody opens the console of never loads them.
        const { SQSClient } = require('@aws-sdk/client-sqs') as typeof import('@aws-sdk/client-sqs');
        const { createConsoleRouter } = require('./console-router') as typeof import('./console-router');
        return createConsoleRouter(resolved, {
          token,
          signingKey: firstKey(config.signatureSecret),
          stockMinimo: config.stockMinimo,
          sqs: new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false }),
          queues: configuredQueues(config.queueUrls),
          recent,
          staticDir: options.staticDir,
        });
      }),
  };
}

/** The first key of `SIGNATURE_SECRET`, as the key ring reads it; the local default when there is none. */
function firstKey(secret: string | undefined): string {
  return (secret ?? '').split(',').map((key) => key.trim()).find((key) => key !== '') ?? LOCAL_DEFAULT_KEY;
}

function configuredQueues(queueUrls: Record<string, string>): QueueUrls {
  return {
    url: async (name) => {
      const url = queueUrls[name];
      if (url === undefined) throw new Error(`Queue ${name} is not in this gateway's configuration`);
      return url;
    },
  };
}
