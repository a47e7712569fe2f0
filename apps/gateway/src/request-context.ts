import type { SignatureForm } from '@inventario/signature';
import type { Response } from 'express';
import type { ErrorCode } from '@inventario/inventory-core';

/** What the gateway learns about one request as it goes, for the handlers and the request log line. */
export interface RequestContext {
  correlationId: string;
  /** `performance.now()` when the request arrived. */
  startedAt: number;
  /** The command's id, once resolved. */
  ordenId?: string;
  /** The raw body bytes of a command, once read. */
  rawBody?: Buffer;
  /**
   * The command route a request stands for when it was not sent there itself: the console's forms post
   * to `/consola/api/enviar/<route>` and are signed, verified and published as posted to `<route>`.
   */
  commandPath?: string;
  /** The timestamp of a timestamped (`v2` or `v1`) signature, once verified; absent for the legacy form. */
  signedAt?: number;
  /** The form of the signature, once verified. */
  signatureForm?: SignatureForm;
  /** The `codigo` of the error answered, if any. */
  codigo?: ErrorCode;
}

const contexts = new WeakMap<Response, RequestContext>();

/** Starts the context of a request; the correlation-id middleware calls it first. */
export function startRequestContext(res: Response, correlationId: string): RequestContext {
  const context: RequestContext = { correlationId, startedAt: performance.now() };
  contexts.set(res, context);
  return context;
}

/**
 * The context of a request. Every request has one (the correlation-id middleware runs first); a missing
 * one is a wiring bug.
 */
export function requestContext(res: Response): RequestContext {
  const context = contexts.get(res);
  if (!context) throw new Error('Request context missing: the correlation-id middleware must run first');
  return context;
}

/** The context if there is one: for the error handler, which must never fail. */
export function maybeRequestContext(res: Response): RequestContext | undefined {
  return contexts.get(res);
}
