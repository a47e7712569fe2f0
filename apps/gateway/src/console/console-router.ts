import { COMMANDS } from '@inventario/events';
import express, { Router } from 'express';
import type { ResolvedGatewayDeps } from '../gateway-deps';
import { lookUpCommand, recentOutcomes } from './command-routes';
import type { ConsoleDeps } from './console-deps';
import { consoleHeaders } from './console-headers';
import { productDetail, searchProducts } from './product-routes';
import { listQueues, peekDeadLetters, replayDeadLetters } from './queue-routes';
import { requireConsoleToken } from './require-console-token';
import { sendFromForm } from './send-routes';
import { commandRoutePath } from '../routes/paths';

/**
 * The operations console, mounted at `CONSOLE_PATH` (`/consola`): the page's static files, and under `/api` the
 * calls it makes, every one behind the console's token (401 `NO_AUTORIZADO` otherwise).
 *
 * @example
 * app.use(CONSOLE_PATH, createConsoleRouter(resolved, consoleDeps));
 */
export function createConsoleRouter(deps: ResolvedGatewayDeps, consoleDeps: ConsoleDeps): Router {
  const router = Router();
  router.use(consoleHeaders());
  // The page's links are relative: `/consola` must become `/consola/` before anything is served.
  router.get('/', (req, res, next) => {
    if (req.originalUrl.split('?')[0]?.endsWith('/')) next();
    else res.redirect(301, `${req.baseUrl}/`);
  });
  router.use('/api', requireConsoleToken(consoleDeps.token), createConsoleApi(deps, consoleDeps));
  router.use(express.static(consoleDeps.staticDir, { index: 'index.html', dotfiles: 'ignore' }));
  return router;
}

function createConsoleApi(deps: ResolvedGatewayDeps, consoleDeps: ConsoleDeps): Router {
  const api = Router();
  api.get('/sesion', (_req, res) => {
    res.json({ stage: deps.stage, stock_minimo: consoleDeps.stockMinimo, rutas: COMMANDS.map((entry) => ({ ruta: entry.route, tipo: entry.type })) });
  });
  api.get('/productos', searchProducts(deps, consoleDeps));
  api.get('/productos/:producto_id', productDetail(deps, consoleDeps));
  api.get('/comandos/recientes', recentOutcomes(deps, consoleDeps));
  api.get('/comandos/:orden_id', lookUpCommand(deps));
  api.get('/colas', listQueues(deps, consoleDeps));
  api.get('/colas/:servicio/mensajes', peekDeadLetters(deps, consoleDeps));
  api.post('/colas/:servicio/reenvio', replayDeadLetters(deps, consoleDeps));
  for (const entry of COMMANDS) api.post(`/enviar${commandRoutePath(entry)}`, ...sendFromForm(entry, deps, consoleDeps));
  return api;
}
