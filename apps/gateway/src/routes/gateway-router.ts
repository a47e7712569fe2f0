import { COMMANDS, idInPath, type CommandEntry } from '@inventario/events';
import { Router, type RequestHandler } from 'express';
import { MAX_BODY_BYTES } from '../constants';
import type { ResolvedGatewayDeps } from '../gateway-deps';
import { methodNotAllowed } from '../middleware/method-not-allowed';
import { readRawBody } from '../middleware/read-raw-body';
import { requireJson } from '../middleware/require-json';
import { verifySignature } from '../middleware/verify-signature';
import { commandRoute } from './command-route';
import { health, openApiDocument, ready } from './operations';
import { commandRoutePath, commandStatusPath, READ_PATHS } from './paths';
import { getCommandOutcome, getProduct, listInventory, listLocationProducts, listMovements } from './reads';
import { getReservation } from './reservation-read';

/**
 * Every route of the contract, without prefix (the app mounts it bare and under `/${stage}`). Command
 * routes come from the catalogue: a POST per entry, whose checks run in the contract's order (size,
 * content type, signature, then JSON and rules), and a GET of its `estado_url` (for a reservation's
 * step, the same path; for the hold, the reservation read). Each path answers its
 * own methods and 405 with `Allow` to the others; HEAD works wherever GET does.
 */
export function createGatewayRouter(deps: ResolvedGatewayDeps, openapi: object): Router {
  const router = Router();
  const get = (path: string, handler: RequestHandler) => {
    router.route(path).get(handler).all(methodNotAllowed(['GET', 'HEAD']));
  };

  for (const entry of COMMANDS) {
    const post = [
      readRawBody(MAX_BODY_BYTES),
      requireJson(),
      verifySignature({ entry, keyRing: deps.keyRing, allowLegacy: deps.allowLegacy, allowV1: deps.allowV1, now: deps.now, metrics: deps.metrics }),
      commandRoute(entry, deps),
    ];
    if (idInPath(entry)) {
      // The step's path is its own estado_url: POST sends it, GET reads its outcome.
      router.route(commandRoutePath(entry)).post(...post).get(statusRead(entry, deps)).all(methodNotAllowed(['POST', 'GET', 'HEAD']));
    } else {
      router.route(commandRoutePath(entry)).post(...post).all(methodNotAllowed(['POST']));
      get(commandStatusPath(entry), statusRead(entry, deps));
    }
  }
  get(READ_PATHS.inventory, listInventory(deps));
  get(READ_PATHS.product, getProduct(deps));
  get(READ_PATHS.movements, listMovements(deps));
  get(READ_PATHS.locationProducts, listLocationProducts(deps));
  get(READ_PATHS.health, health());
  get(READ_PATHS.ready, ready(deps));
  get(READ_PATHS.openapi, openApiDocument(openapi));
  return router;
}

/** What a command's `estado_url` answers: its outcome; for a hold, the reservation itself. */
function statusRead(entry: CommandEntry, deps: ResolvedGatewayDeps): RequestHandler {
  return entry.type === 'CrearReserva' ? getReservation(deps) : getCommandOutcome(entry, deps);
}
