/**
 * Region every local client uses. fauxqs puts it in ARNs and queue URLs; DynamoDB Local runs with a shared
 * database, so region and credentials do not partition data.
 */
export const LOCAL_REGION = 'us-east-1';

/** Dummy credentials: the emulators accept any, the SDK only needs some. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** Seconds a received message stays invisible before it is delivered again. */
export const QUEUE_VISIBILITY_TIMEOUT_SECONDS = 30;

/** Seconds a dead-letter queue keeps a message: 14 days, the most SQS allows, so there is time to replay. */
export const DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 60 * 60;

/** Key of the one JSON line `cli.ts` prints on stdout when the stack is ready: `{"ready":true,"env":{...}}`. */
export const READY_FIELD = 'ready';
