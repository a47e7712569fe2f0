import type { Logger } from '@aws-lambda-powertools/logger';
import { describeError } from '@inventario/observability';
import type { ErrorRequestHandler } from 'express';
import { HttpError, internalError, notFound, writeError } from '../http-errors';
import { maybeRequestContext } from '../request-context';

/**
 * The one place errors become responses. An {@link HttpError} is written as is. A client error the
 * framework raised (a path that cannot be decoded) is a 404 or 400. Anything else is a bug: logged by
 * name and message (never its stack) and answered 500 `ERROR_INTERNO` without any detail.
 *
 * @example
 * app.use(errorHandler(logger)); // last
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const answer = toHttpError(error, logger, maybeRequestContext(res)?.correlationId);
    if (res.headersSent) {
      // Too late for an error body: end the exchange rather than hand over to Express's default handler.
      res.destroy();
      return;
    }
    writeError(res, answer);
  };
}

function toHttpError(error: unknown, logger: Logger, correlationId: string | undefined): HttpError {
  if (error instanceof HttpError) return error;
  const status = clientStatusOf(error);
  if (status !== undefined) {
    // A path parameter that is not valid percent-encoding cannot name anything that exists.
    if (error instanceof URIError) return notFound('Recurso no encontrado');
    return new HttpError(400, 'VALIDACION', 'Petición inválida');
  }
  logger.error('Unexpected error', {
    ...(correlationId !== undefined && { correlation_id: correlationId }),
    error: describeError(error),
  });
  return internalError();
}

/** The 4xx status the framework put on an error, if any. */
function clientStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
