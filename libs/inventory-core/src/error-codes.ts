/**
 * Every `codigo` an error of this system carries: the contract's error table, plus the console's
 * `NO_AUTORIZADO` (401, a console API call without its token) and `ERROR_INTERNO` (500), which should
 * never be seen. The gateway's `HttpError`s, the libs' error classes and the OpenAPI `Error`
 * schema all take their codes from this one list. (An outcome's `motivo` has its own list,
 * `REJECTION_CODES`.)
 *
 * @example
 * const codigo: ErrorCode = 'NO_DISPONIBLE';
 * z.enum(ERROR_CODES); // the OpenAPI enum
 */
export const ERROR_CODES = [
  'JSON_INVALIDO',
  'VALIDACION',
  'FIRMA_AUSENTE',
  'FIRMA_INVALIDA',
  'FIRMA_EXPIRADA',
  'NO_ENCONTRADO',
  'METODO_NO_PERMITIDO',
  'CUERPO_DEMASIADO_GRANDE',
  'TIPO_NO_SOPORTADO',
  'DEMASIADAS_SOLICITUDES',
  'NO_AUTORIZADO',
  'NO_DISPONIBLE',
  'ERROR_INTERNO',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];
