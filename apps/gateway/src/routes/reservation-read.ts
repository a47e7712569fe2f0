import { isValidOrdenId, type CommandOutcome, type ReservationView } from '@inventario/inventory-core';
import type { RequestHandler, Response } from 'express';
import { callDependency, type DependencyCallContext } from '../dependency-call';
import type { ResolvedGatewayDeps } from '../gateway-deps';
import { notFound } from '../http-errors';
import { requestContext } from '../request-context';

/**
 * `GET /reservas/:orden_id` (the `estado_url` of CrearReserva): the hold once it exists; before that,
 * or when it was refused, the command's PENDIENTE or RECHAZADA; 404 when neither is known.
 */
export function getReservation(deps: ResolvedGatewayDeps): RequestHandler {
  return async (req, res) => {
    const ordenId = String(req.params.orden_id);
    if (!isValidOrdenId(ordenId)) throw reservationNotFound();
    requestContext(res).ordenId = ordenId;
    const readHold = () => callDependency(dependency(deps, res, 'getReservation'), () => deps.queries.getReservation(ordenId));
    res.json(await reservationBody(ordenId, readHold, () =>
      callDependency(dependency(deps, res, 'getCommand'), () => deps.queries.getCommand('CrearReserva', ordenId)),
    ));
  };
}

/** A hold as `GET /reservas/{orden_id}` answers it. */
export type ReservationBody = { orden_id: string; tipo: 'CrearReserva' } & Omit<ReservationView, 'orden_id'>;

/** Before a hold exists, or when it was refused. */
export interface PendingReservationBody {
  orden_id: string;
  tipo: 'CrearReserva';
  estado: 'PENDIENTE' | 'RECHAZADA';
  motivo?: CommandOutcome['motivo'];
}

async function reservationBody(
  ordenId: string,
  readHold: () => Promise<ReservationView | undefined>,
  readCommand: () => Promise<CommandOutcome | undefined>,
): Promise<ReservationBody | PendingReservationBody> {
  const hold = await readHold();
  if (hold) return toReservationView(hold);
  const outcome = await readCommand();
  if (!outcome) throw reservationNotFound();
  if (outcome.estado === 'PENDIENTE' || outcome.estado === 'RECHAZADA') return toPendingReservationView(ordenId, outcome.estado, outcome.motivo);
  // Applied between the two reads: the hold is there now.
  const made = await readHold();
  if (!made) throw reservationNotFound();
  return toReservationView(made);
}

function toReservationView(hold: ReservationView): ReservationBody {
  const { orden_id, estado, lineas, creada, expira_en, resuelta } = hold;
  return {
    orden_id,
    tipo: 'CrearReserva',
    estado,
    lineas: lineas.map(({ producto_id, ubicacion_id, cantidad }) => ({ producto_id, ubicacion_id, cantidad })),
    creada,
    expira_en,
    ...(resuelta !== undefined && { resuelta }),
  };
}

function toPendingReservationView(ordenId: string, estado: PendingReservationBody['estado'], motivo: CommandOutcome['motivo']): PendingReservationBody {
  return { orden_id: ordenId, tipo: 'CrearReserva', estado, ...(motivo !== undefined && { motivo }) };
}

function dependency(deps: ResolvedGatewayDeps, res: Response, operation: string): DependencyCallContext {
  return { logger: deps.logger, operation, correlationId: requestContext(res).correlationId };
}

function reservationNotFound() {
  return notFound('Reserva no encontrada');
}
