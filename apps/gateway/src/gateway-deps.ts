import type { Logger } from '@aws-lambda-powertools/logger';
import type { CommandPublisher } from '@inventario/events';
import type { CommandMetrics } from '@inventario/observability';
import type { CommandIntake, InventoryQueries } from '@inventario/inventory-core';
import type { KeyRing } from '@inventario/signature';
import type { RequestHandler } from 'express';

/**
 * Everything the HTTP app needs, built once at the edge (`main.ts`, `lambda.ts`) or by a test with
 * in-memory fakes of the ports.
 */
export interface GatewayDeps {
  /** Keys that verify `X-Signature`. */
  keyRing: KeyRing;
  /** Accept the old clients' plain-hex signature (`SIGNATURE_LEGACY` not `false`). */
  allowLegacy: boolean;
  /** Accept the timestamped body-only `v1` signature (`SIGNATURE_V1` not `false`); default true. */
  allowV1?: boolean;
  /** Every route also answers under `/${stage}`. */
  stage: string;
  publisher: CommandPublisher;
  intake: CommandIntake;
  queries: InventoryQueries;
  logger: Logger;
  /** Counts accepted commands, refused requests and signature failures; default: counts nothing. */
  metrics?: CommandMetrics;
  /**
   * Requests a client (by IP) may make per minute, as a token bucket refilled evenly; `0` (the default)
   * turns the limit off. Set locally from `RATE_LIMIT_PER_MINUTE`; on AWS, API Gateway throttles.
   */
  rateLimitPerMinute?: number;
  /** Clock; default `() => new Date()`. */
  now?: () => Date;
  /** Id maker for generated `orden_id`, envelope and correlation ids; default `crypto.randomUUID`. */
  newId?: () => string;
  /**
   * The operations console, mounted at `/consola` (`console/with-console.ts` builds it for the local
   * process); without it, the gateway serves none (404) and bundles none of its code.
   */
  console?: (deps: ResolvedGatewayDeps) => RequestHandler;
}

/** {@link GatewayDeps} with the defaults filled in (the console stays optional). */
export type ResolvedGatewayDeps = Required<Omit<GatewayDeps, 'console'>> & Pick<GatewayDeps, 'console'>;
