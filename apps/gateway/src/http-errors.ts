import type { FieldIssue } from '@inventario/inventory-core';
import type { Response } from 'express';
import { RETRY_AFTER_SECONDS } from './constants';
import { maybeRequestContext } from './request-context';

/**
 * Every `codigo` the gateway answers with: the contract's error table, plus the local rate limit's
 * `DEMASIADAS_SOLICITUDES` (429), the console's `NO_AUTORIZADO` (401) and `ERROR_INTERNO`, which should
 * never be seen.
 */
export type ErrorCode =
  | 'JSON_INVALIDO'
  | 'VALIDACION'
  | 'FIRMA_AUSENTE'
  | 'FIRMA_INVALIDA'
  | 'FIRMA_EXPIRADA'
  | 'NO_ENCONTRADO'
  | 'METODO_NO_PERMITIDO'
  | 'CUERPO_DEMASIADO_GRANDE'
  | 'TIPO_NO_SOPORTADO'
  | 'DEMASIADAS_SOLICITUDES'
  | 'NO_AUTORIZADO'
  | 'NO_DISPONIBLE'
  | 'ERROR_INTERNO';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: string;
  codigo: ErrorCode;
  detalles?: FieldIssue[];
}

/**
 * An answer the gateway gives on purpose: a status, the contract's `codigo`, a message for people and,
 * for broken rules, the fields. Thrown (or passed to `next`) anywhere in a request; the error handler
 * writes it.
 *
 * @example
 * throw new HttpError(404, 'NO_ENCONTRADO', 'Producto no encontrado');
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    readonly codigo: ErrorCode,
    message: string,
    readonly detalles?: FieldIssue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The response body: never a stack, never a cause. */
  toBody(): ErrorBody {
    return {
      error: this.message,
      codigo: this.codigo,
      ...(this.detalles !== undefined && { detalles: this.detalles }),
    };
  }
}

/** 400 `VALIDACION`, naming every broken field. */
export function validationError(detalles: FieldIssue[]): HttpError {
  return new HttpError(400, 'VALIDACION', 'La petición no cumple las reglas del contrato', detalles);
}

/** 404 `NO_ENCONTRADO`. */
export function notFound(message = 'Ruta no encontrada'): HttpError {
  return new HttpError(404, 'NO_ENCONTRADO', message);
}

/** 503 `NO_DISPONIBLE` with `Retry-After`: a dependency is down, try again shortly. */
export function serviceUnavailable(): HttpError {
  return new HttpError(503, 'NO_DISPONIBLE', 'Servicio no disponible por el momento; reintente en unos segundos', undefined, {
    'Retry-After': String(RETRY_AFTER_SECONDS),
  });
}

/** 500 `ERROR_INTERNO`, without any detail: a bug, never a client's fault. */
export function internalError(): HttpError {
  return new HttpError(500, 'ERROR_INTERNO', 'Error interno');
}

/**
 * Writes an error response: its status, its headers and the JSON error body.
 *
 * @example
 * writeError(res, new HttpError(415, 'TIPO_NO_SOPORTADO', 'Content-Type must be JSON'));
 */
export function writeError(res: Response, error: HttpError): void {
  const context = maybeRequestContext(res);
  if (context) context.codigo = error.codigo;
  res.status(error.status).set(error.headers).json(error.toBody());
}
