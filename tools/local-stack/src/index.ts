/**
 * `@inventario/local-stack`: DynamoDB Local and an SNS/SQS emulator on this machine, provisioned from the
 * catalogue. `npm start` (`start.ts`) runs the whole system on it; `cli.ts` runs the stack alone; Jest
 * projects use it through `testing/global-setup.ts` and `testing/global-teardown.ts`. `startSystem` is the
 * one harness that starts, kills, restarts and stops the apps (npm start, the e2e and inv tests, the bench);
 * `client/` is what a client of the running system does (signed POSTs and envelopes, the outcome events).
 */
export { localClients, endpointsFromEnv, type LocalClients, type StackEndpoints } from './clients';
export { LOCAL_CREDENTIALS, LOCAL_REGION } from './constants';
export { startDynamoDb, type DynamoDbOptions } from './emulators/dynamodb';
export { assertJavaRuntime, MIN_JAVA_MAJOR } from './emulators/java-runtime';
export { startSnsSqs } from './emulators/sns-sqs';
export { AppNotReadyError, EmulatorStartError, JavaRuntimeMissingError, LocalStackSpawnError, NotYetError, type AppNotReadyReason } from './errors';
export { createTables, provision, type ProvisionTarget } from './provision';
export { spawnLocalStack, type SpawnLocalStackOptions, type SpawnedLocalStack } from './spawn-stack';
export { startLocalStack, type LocalStack, type LocalStackOptions } from './stack';
export { stackEnv } from './stack-env';
export { findFreePort } from './free-port';
export { findWorkspaceRoot, tsxBin, withOwnNodeFirst } from './workspace';
export type { AppExit } from './system/app-process';
export { systemApps, type AppSpec } from './system/apps';
export { buildLocalBundles, localBundlesDir } from './bundles/local-bundles';
export { waitForHealth } from './system/wait-for-health';
export { launchSystem, startSystem, type SystemHandle, type SystemOptions } from './system/start-system';
export { NPM_START_LAUNCHER, spawnNpmStart, type NpmStartProcess } from './testing/npm-start-process';
export { notYet, waitUntil } from './wait-until';
export type { EmulatorOptions, RunningEmulator } from './types';
export { listenToOutcomes, type OutcomeListener, type ReceivedEvent } from './client/outcome-listener';
export { parseJsonObject } from './client/parse-json-object';
export { signedEnvelope, type SignedEnvelopeOptions } from './client/signed-envelope';
export { signedPost, type GatewayAnswer, type SignatureForm, type SignedPostOptions } from './client/signed-post';
export { sqsRecord } from './client/sqs-record';
export { tapTopic } from './client/tap-topic';
export { uniqueOrderId, uniqueProductId } from './client/unique-ids';
