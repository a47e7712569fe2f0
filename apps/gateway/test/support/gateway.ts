import { Logger } from '@aws-lambda-powertools/logger';
import type { CommandMetrics } from '@inventario/observability';
import { KeyRing, signLegacy, signRequest, signTimestamped } from '@inventario/signature';
import type { Express } from 'express';
import request from 'supertest';
import { createGatewayApp, type GatewayDeps } from '../../src/app';
import { InMemoryQueries, RecordingIntake, RecordingPublisher } from './fakes';

/** The key the test gateway verifies with. */
export const KEY = 'test-key';

/** The test gateway's clock: signatures are timestamped against it. */
export const NOW = new Date('2025-06-01T12:00:00.000Z');
export const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  attributes: unknown[];
}

export interface TestGateway {
  app: Express;
  publisher: RecordingPublisher;
  intake: RecordingIntake;
  queries: InMemoryQueries;
  /** Every line the gateway logged, as passed to the logger. */
  logs: LogLine[];
}

export interface TestGatewayOptions {
  secret?: string;
  allowLegacy?: boolean;
  allowV1?: boolean;
  stage?: string;
  newId?: () => string;
  metrics?: CommandMetrics;
  rateLimitPerMinute?: number;
  /** Default: always {@link NOW}. */
  now?: () => Date;
}

/** The gateway over in-memory recording fakes of its ports, with a fixed clock and a silent logger. */
export function createTestGateway(options: TestGatewayOptions = {}): TestGateway {
  const publisher = new RecordingPublisher();
  const intake = new RecordingIntake();
  const queries = new InMemoryQueries();
  const logger = new Logger({ serviceName: 'gateway-test', logLevel: 'SILENT' });
  const logs = captureLogs(logger);
  const deps: GatewayDeps = {
    keyRing: KeyRing.fromSecret(options.secret ?? KEY),
    allowLegacy: options.allowLegacy ?? true,
    ...(options.allowV1 !== undefined && { allowV1: options.allowV1 }),
    stage: options.stage ?? 'dev',
    publisher,
    intake,
    queries,
    logger,
    now: options.now ?? (() => NOW),
    ...(options.newId && { newId: options.newId }),
    ...(options.metrics && { metrics: options.metrics }),
    ...(options.rateLimitPerMinute !== undefined && { rateLimitPerMinute: options.rateLimitPerMinute }),
  };
  return { app: createGatewayApp(deps), publisher, intake, queries, logs };
}

function captureLogs(logger: Logger): LogLine[] {
  const lines: LogLine[] = [];
  for (const level of ['debug', 'info', 'warn', 'error'] as const) {
    jest.spyOn(logger, level).mockImplementation((message: unknown, ...attributes: unknown[]) => {
      lines.push({ level, message: String(message), attributes });
    });
  }
  return lines;
}

export interface SignedPostOptions {
  key?: string;
  /** Default `timestamped` (`v1`); `request-bound` signs `v2` over POST and `path`. */
  form?: 'request-bound' | 'timestamped' | 'legacy';
  /** The signature's `t`; default the gateway's clock. */
  timestamp?: number;
  /** Default `application/json`; `null` sends none. */
  contentType?: string | null;
  headers?: Record<string, string>;
}

/** Posts a body exactly as given (string or bytes) or as compact JSON, signed like a client would. */
export function signedPost(app: Express, path: string, body: unknown, options: SignedPostOptions = {}) {
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const key = options.key ?? KEY;
  const t = options.timestamp ?? NOW_SECONDS;
  const signature =
    options.form === 'legacy'
      ? signLegacy(key, raw)
      : options.form === 'request-bound'
        ? signRequest(key, { method: 'POST', path }, raw, t)
        : signTimestamped(key, raw, t);
  return unsignedPost(app, path, raw, { ...options, headers: { 'X-Signature': signature, ...options.headers } });
}

/** Posts raw bytes with the given headers and no signature of its own. */
export function unsignedPost(app: Express, path: string, raw: Buffer | string, options: SignedPostOptions = {}) {
  let call = request(app).post(path);
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null) call = call.set('Content-Type', contentType);
  for (const [name, value] of Object.entries(options.headers ?? {})) call = call.set(name, value);
  // Bytes go out exactly as given: superagent would otherwise re-serialize a Buffer as JSON.
  const identity = (data: unknown) => data as string;
  return call.serialize(identity).send(Buffer.isBuffer(raw) ? raw : Buffer.from(raw));
}

/** A valid sale body. */
export function saleBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { orden_id: 'venta-1', producto_id: 'PRO001', cantidad: 2, ...overrides };
}
