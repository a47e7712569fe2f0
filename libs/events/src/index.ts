/*
 * The public surface of @inventario/events, in three parts (see README.md). Every name is listed: what
 * is not here is private to this library.
 */

// The contract: what the commands, their messages and their outcome events are. Changes only with
// the contract (CONTRACT.md, the OpenAPI document).
export { COMMANDS, MAX_RECEIVE_COUNT, OUTCOME_TOPIC, QUEUE_RETENTION_SECONDS, commandEntry, commandPath, idInPath, ordenIdFromPath } from './contract/catalogue';
export type { CommandEntry } from './contract/catalogue';
export { isValidCorrelationId } from './contract/correlation-id';
export { MESSAGE_ATTRIBUTES, commandEnvelopeSchema } from './contract/envelope';
export type { CommandEnvelope } from './contract/envelope';
export { isSignedRouteOf, signatureCoversPathId } from './contract/signed-route';
export { verifyEnvelopeSignature } from './contract/verify-envelope-signature';
export type { OutcomeEvent } from './contract/outcome-event';

// Runtime: how a process finds its topics, queues, tables and keys (environment locally, SST links
// on AWS), checks them at start-up, and tells a parent it is ready. Changes with how it is deployed.
export { SWEEPER_APP, backgroundApps } from './runtime/background-apps';
export { loadRuntimeConfig, resourcesSchema } from './runtime/runtime-config';
export { RESOURCES_ENV } from './runtime/resources-env';
export type { Resources, RuntimeConfig } from './runtime/runtime-config';
export { LOCAL_STAGES, UnsafeSignatureConfigError, assertSignatureConfigSafe } from './runtime/signature-startup-check';
export type { AppReadyMessage } from './runtime/announce-ready';

// Adapters: SNS publishers, the SQS consumer (Lambda batch handler, local worker), the query
// protocol of the read function and the reservation sweeper. Change with the transport.
export { COMMANDS_PER_PUBLISH, SnsCommandPublisher } from './adapters/publish/sns-command-publisher';
export { coalescingCommandPublisher } from './adapters/publish/coalescing-command-publisher';
export { coalescingIntake } from './adapters/intake/coalescing-intake';
export { coalesceCalls } from './adapters/coalesce/coalesce-calls';
export type { CallOutcome, CoalesceOptions } from './adapters/coalesce/coalesce-calls';
export { SnsOutcomePublisher } from './adapters/publish/sns-outcome-publisher';
export { QUARANTINE_ATTRIBUTE, SqsDeadLetterQuarantine } from './adapters/consume/quarantine';
export { processCommandMessage } from './adapters/consume/process-command-message';
export type { MessageResult } from './adapters/consume/process-command-message';
export { createSqsBatchHandler } from './adapters/consume/sqs-batch-handler';
export { startLocalWorker } from './adapters/consume/local-worker';
export type { LocalWorker } from './adapters/consume/local-worker';
export { createConsumerRuntime } from './adapters/consume/consumer-runtime';
export { createConsumerLambdaHandler, runLocalConsumer, startLocalConsumer } from './adapters/consume/run-consumer';
export type { QueryResponse } from './adapters/queries/query-request';
export { answerQuery } from './adapters/queries/answer-query';
export { LambdaInventoryQueries, lambdaQueryInvoker } from './adapters/queries/lambda-inventory-queries';
export { createSweeperLambdaHandler, runLocalSweeper, startLocalSweeper } from './adapters/reservations/run-sweeper';
export { runLocalBackgroundApps } from './adapters/run-background-apps';

// Shared by the parts: the port a command publisher implements.
export type { CommandPublisher } from './ports';
