import type { CommandEntry } from '@inventario/events';
import type { RequestHandler } from 'express';
import { MAX_BODY_BYTES } from '../constants';
import type { ResolvedGatewayDeps } from '../gateway-deps';
import { readRawBody } from '../middleware/read-raw-body';
import { requireJson } from '../middleware/require-json';
import { verifySignature } from '../middleware/verify-signature';
import { commandRoute } from '../routes/command-route';
import type { ConsoleDeps } from './console-deps';
import { signOnServer } from './sign-on-server';

/**
 * `POST /consola/api/enviar/<route>`: a command from a console form, body as a client would send it (a
 * reservation's step with its id in the path: `/enviar/reservas/r-1/confirmar`).
 * The same handlers as the command route (size, content type, signature, JSON and rules, idempotency by
 * `orden_id`, record, publish, 202), with one step more before the signature check: the server signs
 * the body with the gateway's key ring, so no key ever reaches the browser.
 *
 * @example
 * for (const entry of COMMANDS) api.post(`/enviar${commandRoutePath(entry)}`, ...sendFromForm(entry, deps, consoleDeps));
 */
export function sendFromForm(entry: CommandEntry, deps: ResolvedGatewayDeps, consoleDeps: ConsoleDeps): RequestHandler[] {
  return [
    readRawBody(MAX_BODY_BYTES),
    requireJson(),
    signOnServer(entry, consoleDeps.signingKey, deps.now),
    verifySignature({ entry, keyRing: deps.keyRing, allowLegacy: deps.allowLegacy, allowV1: deps.allowV1, now: deps.now, metrics: deps.metrics }),
    commandRoute(entry, deps),
  ];
}
