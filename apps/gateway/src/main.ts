import type { Server } from 'node:http';
import path from 'node:path';
import { loadRuntimeConfig } from '@inventario/events';
import { createObservability, describeError } from '@inventario/observability';
import { createGatewayApp } from './app';
import { withConsole } from './console/with-console';
import { createGatewayDeps } from './runtime/create-gateway-deps';
import { parsePort } from './runtime/parse-port';
import { parseRateLimit } from './runtime/parse-rate-limit';

// The local process: configuration read once, the same app as on Lambda, served on PORT (default 3000).
// Logs are readable lines unless LOG_FORMAT=json; EMF metric lines only with POWERTOOLS_METRICS_DISABLED=false.
const { logger, metrics } = createObservability('gateway', process.env);

/** The console page's static files (apps/gateway/console), served at /consola when the console is on. */
const CONSOLE_STATIC_DIR = path.resolve(__dirname, '../console');

function start(): Server {
  const config = loadRuntimeConfig(process.env);
  const port = parsePort(process.env.PORT);
  const rateLimitPerMinute = parseRateLimit(process.env.RATE_LIMIT_PER_MINUTE);
  const deps = withConsole(createGatewayDeps(config, logger), config, { token: process.env.CONSOLA_TOKEN, staticDir: CONSOLE_STATIC_DIR });
  const app = createGatewayApp({ ...deps, metrics, rateLimitPerMinute });
  const server = app.listen(port, () => {
    logger.info('Gateway listening', { url: `http://localhost:${port}`, stage: config.stage, rate_limit_per_minute: rateLimitPerMinute });
  });
  server.on('error', (error) => {
    logger.error('Gateway could not listen', { port, error: describeError(error) });
    process.exitCode = 1;
  });
  return server;
}

function stopOnSignals(server: Server): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.info('Gateway stopping', { signal });
    // Idle keep-alive connections close at once; busy ones get a few seconds to finish.
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 5_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

try {
  stopOnSignals(start());
} catch (error) {
  // Nothing is listening yet: the process ends by itself, after the log line is written.
  logger.error('Gateway refused to start', { error: describeError(error) });
  process.exitCode = 1;
}
