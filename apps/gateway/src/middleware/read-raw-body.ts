import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http-errors';
import { requestContext } from '../request-context';

/** 413 `CUERPO_DEMASIADO_GRANDE`. */
export function payloadTooLarge(limit: number): HttpError {
  return new HttpError(413, 'CUERPO_DEMASIADO_GRANDE', `El cuerpo supera el máximo de ${limit} bytes`);
}

/**
 * Reads a command's body as raw bytes (the signature is over these exact bytes), up to `limit` bytes:
 * a declared `Content-Length` over the limit is refused before anything is read, and a body without
 * one (chunked) is counted as it arrives and refused as soon as it passes the limit. A body of exactly
 * `limit` bytes passes. The bytes are kept in the request context.
 *
 * @example
 * router.post('/orden-venta', readRawBody(MAX_BODY_BYTES), ...);
 */
export function readRawBody(limit: number): RequestHandler {
  return (req, res, next) => {
    if (declaredLength(req) > limit) {
      next(payloadTooLarge(limit));
      return;
    }
    collectBody(req, limit).then(
      (body) => {
        requestContext(res).rawBody = body;
        next();
      },
      (error: unknown) => {
        // The rest of an oversized body is not wanted: close the connection once the answer is sent.
        if (error instanceof HttpError && error.status === 413) res.set('Connection', 'close');
        next(error);
      },
    );
  };
}

/** The declared `Content-Length`, or 0 when there is none (or it is not a number, which Node refuses anyway). */
function declaredLength(req: Request): number {
  const value = Number(req.headers['content-length']);
  return Number.isFinite(value) ? value : 0;
}

function collectBody(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;

    const settle = (error: unknown, body?: Buffer) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (body) resolve(body);
      else reject(error);
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += bytes.length;
      if (received > limit) {
        settle(payloadTooLarge(limit));
        req.resume(); // discard the rest instead of buffering it
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = () => settle(undefined, Buffer.concat(chunks, received));
    const onError = () => settle(bodyCutShort());
    const onClose = () => {
      if (!req.complete) settle(bodyCutShort());
    };

    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** The client went away before its body was complete; the answer will most likely never be read. */
function bodyCutShort(): HttpError {
  return new HttpError(400, 'JSON_INVALIDO', 'El cuerpo llegó incompleto');
}
