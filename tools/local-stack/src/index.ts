/**
 * `@inventario/local-stack`: DynamoDB Local and an SNS/SQS emulator on this machine, provisioned from the
 * catalogue. `npm start` (`start.ts`) runs the whole system on it; `cli.ts` runs the stack alone; Jest
 * projects use it through `testing/global-setup.ts` and `testing/global-teardown.ts`.
 */
export { localClients, endpointsFromEnv, type LocalClients, type StackEndpoints } from './clients';
export { LOCAL_CREDENTIALS, LOCAL_REGION } from './constants';
export { startDynamoDb } from './emulators/dynamodb';
export { assertJavaRuntime, MIN_JAVA_MAJOR } from './emulators/java-runtime';
export { startSnsSqs } from './emulators/sns-sqs';
export { EmulatorStartError, JavaRuntimeMissingError, LocalStackSpawnError } from './errors';
export { createTables, provision, type ProvisionTarget } from './provision';
export { spawnLocalStack, type SpawnLocalStackOptions, type SpawnedLocalStack } from './spawn-stack';
export { startLocalStack, type LocalStack, type LocalStackOptions } from './stack';
export { stackEnv } from './stack-env';
export { findFreePort } from './free-port';
export { findWorkspaceRoot, tsxBin, withOwnNodeFirst } from './workspace';
export { spawnApp, type AppExit, type AppProcess } from './system/app-process';
export { systemApps, type AppSpec } from './system/apps';
export { buildLocalBundles, localBundlesDir } from './bundles/local-bundles';
export { waitForHealth } from './system/wait-for-health';
export type { EmulatorOptions, RunningEmulator } from './types';
