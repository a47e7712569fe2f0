import { ordenIdFromPath, type CommandEntry } from '@inventario/events';
import { isValidOrdenId } from '@inventario/inventory-core';
import { validationError } from '../http-errors';

const ORDEN_ID_RULE = 'must be 1 to 64 letters, digits or -_.:';

/**
 * The id of a command whose route names it in the path (a reservation's step): the path's segment, as
 * its consumer reads it from the envelope's `ruta` (`ordenIdFromPath`), so the two never differ. The
 * body may leave it out; an `orden_id` there must be the same one. 400 `VALIDACION` naming `orden_id`
 * for a segment that is not an id, for a path that is not the route as written (another case, a
 * trailing `/`: Express routes it here, its consumer would not read it), and for a body naming another.
 *
 * @example
 * pathOrdenId(commandEntry('ConfirmarReserva'), '/dev/reservas/r-1/confirmar', undefined); // 'r-1'
 */
export function pathOrdenId(entry: CommandEntry, path: string, bodyOrdenId: string | undefined): string {
  const ordenId = ordenIdFromPath(entry, path);
  if (ordenId === undefined) {
    throw validationError([{ campo: 'orden_id', mensaje: `the path must be ${entry.route} exactly, the id in its segment` }]);
  }
  if (!isValidOrdenId(ordenId)) throw validationError([{ campo: 'orden_id', mensaje: `the path's ${ORDEN_ID_RULE}` }]);
  if (bodyOrdenId !== undefined && bodyOrdenId !== ordenId) {
    throw validationError([{ campo: 'orden_id', mensaje: "must be the path's orden_id, or left out" }]);
  }
  return ordenId;
}
