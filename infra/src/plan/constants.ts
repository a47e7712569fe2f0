/** Prefix of every SST app and physical name of this system. */
export const SYSTEM = 'inventario';

/** A consumer may run this long on one batch; its queue's visibility timeout is a multiple of it. */
export const CONSUMER_TIMEOUT_SECONDS = 30;

/**
 * AWS asks for a visibility timeout of at least six times the function timeout on a queue that feeds a
 * Lambda, so a batch retried by the poller is not handed out again while still running.
 */
export const VISIBILITY_TIMEOUT_FACTOR = 6;

/**
 * Records per Lambda invocation, applied together as one group commit (one read of their products, one
 * summed update per product); a failed record is reported alone (partial batch responses).
 */
export const CONSUMER_BATCH_SIZE = 100;

/** How long SQS gathers records for a batch that is not full yet: a larger group per invocation under load. */
export const CONSUMER_BATCH_WINDOW_SECONDS = 1;

/** Dead letters are kept as long as SQS allows, for inspection and replay. */
export const DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 60 * 60;

/** The HTTP API waits at most 30 s; the gateway answers well before. */
export const GATEWAY_TIMEOUT_SECONDS = 10;

export const QUERY_TIMEOUT_SECONDS = 10;

/** One sweep gives back at most a few hundred holds; far less than its schedule's minute. */
export const SWEEPER_TIMEOUT_SECONDS = 30;

/** The sweeper runs every minute (EventBridge's finest rate); a hold is given back within a minute of its expiry. */
export const SWEEPER_SCHEDULE = 'rate(1 minute)' as const;

export const FUNCTION_MEMORY_MB = 512;

/** A command waiting longer than this in its queue means the consumer is stuck or too slow. */
export const OLDEST_MESSAGE_ALARM_SECONDS = 300;

/** Name of the secret holding the signing keys. */
export const SIGNATURE_SECRET = 'SignatureSecret';


/**
 * Powertools comes from its official Lambda layer (kept out of the bundles, like the AWS SDK), at the
 * version the workspace installs; `test/plan.spec.ts` keeps the two equal.
 */
export const POWERTOOLS_VERSION = '2.36.0';

/** The SSM parameter Powertools publishes with the layer ARN of each version, in every region. */
export const POWERTOOLS_LAYER_PARAMETER = `/aws/service/powertools/typescript/generic/all/${POWERTOOLS_VERSION}`;
