/**
 * `@inventario/dead-letters`: what operators do with the consumers' queues and dead-letter queues, shared
 * by the ops CLI (`inv replay`) and the gateway's console: depths and the oldest dead message's age,
 * peeking without removing, a summary fit to show outside a terminal (no signature, no body), and the
 * replay that moves dead messages back, send before delete, with a dry run.
 */
export { decodeDeadMessage, QUARANTINE_ATTRIBUTES, type DeadMessage, type SignatureCheck } from './dead-message';
export { deadMessageIdentity, type DeadMessageIdentity } from './dead-message-identity';
export { RECEIVES_EXHAUSTED, summarizeDeadMessage, type DeadLetterSummary } from './dead-letter-summary';
export { parseJson } from './parse-json';
export { pause } from './pause';
export { peekMessages } from './peek-messages';
export { queueDepth, receiveBatch, setVisibility, SQS_BATCH, type QueueDepth } from './queue-ops';
export { queueOverview, type QueueRow } from './queue-overview';
export { replayMessages, type ReplayPlan, type ReplayProgress, type ReplayReport } from './replay-messages';
export type { MessageFilter, QueueUrls } from './types';
