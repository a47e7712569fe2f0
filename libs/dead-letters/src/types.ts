import type { DeadMessage } from './dead-message';

/** Decides which dead messages a replay takes. */
export type MessageFilter = (message: DeadMessage, now: Date) => boolean;

/**
 * Finds a queue's URL by its catalogue name (`OrdenVenta-dlq`). The ops CLI asks SQS for it; the gateway
 * reads it from its runtime configuration.
 */
export interface QueueUrls {
  /** The queue's URL; rejects when there is no such queue. */
  url(name: string): Promise<string>;
}
