import type { CommandEntry } from '@inventario/events';
import { UsageError } from '../errors';

/** The body flags of `send`: the whole body as JSON, or its fields one by one. */
export interface BodyOptions {
  json?: string;
  ordenId?: string;
  productoId?: string;
  cantidad?: string;
  nombre?: string;
  precio?: string;
  estado?: string;
  ubicacionId?: string;
  desde?: string;
  hacia?: string;
  expiraEnS?: string;
}

/** What shapes the body besides the flags: the command, and for a step of a reservation its id and whether the signature covers the path. */
export interface BodyTarget {
  entry: CommandEntry;
  /** The step's id (from the path or `--orden-id`); only for a route with the id in its path. */
  stepOrdenId?: string;
  /** A v2 signature binds the path, so a step's body may be empty; v1 and legacy sign the body alone. */
  signsPath: boolean;
}

/**
 * The exact bytes to sign and send: `--json` as given, or the field flags as compact JSON in the shape
 * of the command: a hold's product flags make its one line (`items`), a step of a reservation carries
 * its id only when the signature does not cover the path, any other command takes them flat.
 *
 * @throws UsageError for both `--json` and field flags, for no body at all, or for a flag the command does not take.
 */
export function bodyOf(target: BodyTarget, options: BodyOptions): string {
  const fields = fieldsOf(options);
  if (options.json !== undefined) {
    // A step's --orden-id names its path, not a body field.
    const flagged = Object.keys(fields).filter((field) => target.stepOrdenId === undefined || field !== 'orden_id');
    if (flagged.length > 0) throw new UsageError('give the body either as --json or as field flags, not both');
    return options.json;
  }
  if (target.stepOrdenId !== undefined) return stepBody(target.stepOrdenId, target.signsPath, fields);
  if (target.entry.type === 'CrearReserva') return holdBody(fields);
  if (fields.expira_en_s !== undefined) throw new UsageError('--expira-en-s is for a hold (/reservas)');
  if (Object.keys(fields).length === 0) throw new UsageError("give a body: --json '{...}', or fields such as --producto-id PRO001 --cantidad 2");
  return JSON.stringify(fields);
}

function fieldsOf(options: BodyOptions): Record<string, unknown> {
  return {
    ...(options.ordenId !== undefined && { orden_id: options.ordenId }),
    ...(options.productoId !== undefined && { producto_id: options.productoId }),
    ...(options.cantidad !== undefined && { cantidad: numberField('--cantidad', options.cantidad) }),
    ...(options.nombre !== undefined && { nombre: options.nombre }),
    ...(options.precio !== undefined && { precio: numberField('--precio', options.precio) }),
    ...(options.estado !== undefined && { estado: booleanField(options.estado) }),
    ...(options.ubicacionId !== undefined && { ubicacion_id: options.ubicacionId }),
    ...(options.desde !== undefined && { desde: options.desde }),
    ...(options.hacia !== undefined && { hacia: options.hacia }),
    ...(options.expiraEnS !== undefined && { expira_en_s: numberField('--expira-en-s', options.expiraEnS) }),
  };
}

/** A step names its hold in the path; a body-only signature would leave the id unsigned, so there it goes in the body too. */
function stepBody(ordenId: string, signsPath: boolean, fields: Record<string, unknown>): string {
  const others = Object.keys(fields).filter((field) => field !== 'orden_id');
  if (others.length > 0) throw new UsageError(`a confirmation or release carries no ${others.join(', ')}: its body is at most {"orden_id"}`);
  return signsPath ? '' : JSON.stringify({ orden_id: ordenId });
}

/** `{orden_id?, items: [{producto_id, cantidad, ubicacion_id?}], expira_en_s?}` from the flags of one line. */
function holdBody(fields: Record<string, unknown>): string {
  const { orden_id, producto_id, cantidad, ubicacion_id, expira_en_s, ...others } = fields;
  if (Object.keys(others).length > 0) throw new UsageError(`a hold carries no ${Object.keys(others).join(', ')}`);
  if (producto_id === undefined || cantidad === undefined) throw new UsageError("a hold needs --producto-id and --cantidad (or --json '{\"items\":[...]}')");
  return JSON.stringify({
    ...(orden_id !== undefined && { orden_id }),
    items: [{ producto_id, cantidad, ...(ubicacion_id !== undefined && { ubicacion_id }) }],
    ...(expira_en_s !== undefined && { expira_en_s }),
  });
}

function numberField(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new UsageError(`${flag} must be a number (got ${JSON.stringify(text)})`);
  return value;
}

function booleanField(text: string): boolean {
  if (text !== 'true' && text !== 'false') throw new UsageError(`--estado is true or false (got ${JSON.stringify(text)})`);
  return text === 'true';
}
