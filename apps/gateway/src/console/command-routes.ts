import { COMMANDS, type CommandEntry } from '@inventario/events';
import { isValidOrdenId, type CommandOutcome } from '@inventario/inventory-core';
import type { RequestHandler, Response } from 'express';
import { callDependency, type DependencyCallContext } from '../dependency-call';
import type { ResolvedGatewayDeps } from '../gateway-deps';
import { validationError } from '../http-errors';
import { requestContext } from '../request-context';
import { estadoUrl } from '../routes/paths';
import type { ConsoleDeps } from './console-deps';

/** How many of the latest commands the live list shows. */
const RECENT_SHOWN = 20;

/** A command's outcome as the console shows it: where it came in and where its outcome is read. */
export interface ConsoleOutcome extends CommandOutcome {
  ruta: string;
  estado_url: string;
}

/**
 * `GET /consola/api/comandos/:orden_id`: the outcome of that `orden_id` on every route that has one
 * (the same id may name a purchase and a sale). An empty list when no route knows it.
 */
export function lookUpCommand(deps: ResolvedGatewayDeps): RequestHandler {
  return async (req, res) => {
    const ordenId = String(req.params.orden_id);
    if (!isValidOrdenId(ordenId)) throw validationError([{ campo: 'orden_id', mensaje: 'must be 1 to 64 letters, digits or -_.:' }]);
    const context = dependency(deps, res);
    const outcomes = await Promise.all(COMMANDS.map((entry) => outcomeOf(deps, context, entry, ordenId)));
    res.json({ data: outcomes.filter((outcome): outcome is ConsoleOutcome => outcome !== undefined) });
  };
}

/**
 * `GET /consola/api/comandos/recientes`: the latest commands this gateway process accepted, newest
 * first, each with its outcome read now (the page polls it to see them arrive).
 */
export function recentOutcomes(deps: ResolvedGatewayDeps, consoleDeps: ConsoleDeps): RequestHandler {
  return async (_req, res) => {
    const context = dependency(deps, res);
    const recent = consoleDeps.recent.list().slice(0, RECENT_SHOWN);
    const data = await Promise.all(
      recent.map(async (command) => {
        const entry = COMMANDS.find((candidate) => candidate.type === command.type);
        const outcome = entry ? await outcomeOf(deps, context, entry, command.ordenId) : undefined;
        return { aceptado: command.acceptedAt.toISOString(), ...(outcome ?? pending(command.type, command.ordenId)) };
      }),
    );
    res.json({ data });
  };
}

async function outcomeOf(
  deps: ResolvedGatewayDeps,
  context: DependencyCallContext,
  entry: CommandEntry,
  ordenId: string,
): Promise<ConsoleOutcome | undefined> {
  const outcome = await callDependency(context, () => deps.queries.getCommand(entry.type, ordenId));
  return outcome ? { ...outcome, ruta: entry.route, estado_url: estadoUrl(entry, ordenId) } : undefined;
}

function pending(type: CommandEntry['type'], ordenId: string): ConsoleOutcome {
  const entry = COMMANDS.find((candidate) => candidate.type === type);
  const route = entry?.route ?? '/';
  return { orden_id: ordenId, tipo: type, estado: 'PENDIENTE', ruta: route, estado_url: entry ? estadoUrl(entry, ordenId) : route };
}

function dependency(deps: ResolvedGatewayDeps, res: Response): DependencyCallContext {
  return { logger: deps.logger, operation: 'getCommand', correlationId: requestContext(res).correlationId };
}
