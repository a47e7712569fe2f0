import { RESOURCES_ENV, resourcesSchema } from '@inventario/events';
import { NoTargetError, UsageError } from '../errors';
import type { GlobalOptions } from './global-options';
import { defaultStatePath, readLocalState, type LocalStateLookup } from './local-state';

/** Where the queues are and how to reach them. */
export interface AwsTarget {
  region: string;
  /** SQS endpoint; undefined means AWS itself. */
  sqsEndpoint: string | undefined;
  /** Explicit credentials (the local stack's dummies, or the environment's); undefined: the SDK's own chain. */
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
  /** Queue URL by catalogue name, when known (`INVENTARIO_RESOURCES`); others are looked up by name. */
  queueUrls: Record<string, string>;
  /** Put before a catalogue name to look a queue up (`GetQueueUrl`). */
  namePrefix: string;
  /** Where this came from, for people. */
  source: string;
}

/** What {@link resolveAwsTarget} reads besides the options and the environment. */
export interface AwsTargetContext {
  /** The workspace root, to find `npm start`'s state file in. */
  workspaceRoot: string | undefined;
  /** The port of the local gateway in use, which names the state file; undefined for a remote gateway. */
  gatewayPort: number | undefined;
  readState?: (path: string) => LocalStateLookup;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The one place that decides where the queues are, field by field, first found wins:
 * explicit flags (`--sqs-endpoint`, `--region`), then the environment (`AWS_ENDPOINT_URL_SQS`,
 * `INVENTARIO_RESOURCES`, `AWS_REGION`), then the state file of the running `npm start` (skipped with
 * `--stage`), then, with `--stage` and AWS credentials, AWS itself with queue names derived from the
 * catalogue (`<prefix><name>`, looked up with `GetQueueUrl`).
 *
 * @throws NoTargetError when none of them names anything.
 */
export function resolveAwsTarget(options: GlobalOptions, env: Env, context: AwsTargetContext): AwsTarget {
  const envResources = parseResources(env[RESOURCES_ENV], RESOURCES_ENV);
  const envEndpoint = env.AWS_ENDPOINT_URL_SQS || env.AWS_ENDPOINT_URL || undefined;

  let stateEnv: Env = {};
  let stateNote = '--stage given: the local system is not looked for';
  let statePath: string | undefined;
  if (!options.stage) {
    statePath = options.stateFile ?? localStatePath(context);
    const lookup = statePath ? (context.readState ?? readLocalState)(statePath) : { missing: 'the gateway is not on this machine' };
    if ('found' in lookup) stateEnv = lookup.found.env;
    else stateNote = lookup.missing;
  }
  const stateResources = parseResources(stateEnv[RESOURCES_ENV], statePath ?? 'the state file');

  const endpoint = options.sqsEndpoint ?? envEndpoint ?? stateEnv.AWS_ENDPOINT_URL_SQS;
  const resources = envResources ?? stateResources;
  if (endpoint === undefined && resources === undefined && !options.stage) {
    throw new NoTargetError(`No queues to talk to: ${stateNote}. Start the system with \`npm start\`, or pass --stage <stage> to reach AWS.`);
  }
  const endpointFromState = options.sqsEndpoint === undefined && envEndpoint === undefined && endpoint !== undefined;
  return {
    region: options.region ?? (env.AWS_REGION || stateEnv.AWS_REGION || 'us-east-1'),
    sqsEndpoint: endpoint,
    credentials: endpointFromState ? credentialsIn(stateEnv) : credentialsIn(env),
    queueUrls: resources?.queues ?? {},
    namePrefix: options.namePrefix ?? (options.stage ? `inventario-${options.stage}-` : ''),
    source: describeSource(options, { envEndpoint, envResources: envResources !== undefined, endpointFromState, statePath }),
  };
}

function localStatePath(context: AwsTargetContext): string | undefined {
  if (context.workspaceRoot === undefined || context.gatewayPort === undefined) return undefined;
  return defaultStatePath(context.workspaceRoot, context.gatewayPort);
}

function parseResources(text: string | undefined, where: string): { queues: Record<string, string> } | undefined {
  if (text === undefined || text === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${where} is not JSON`);
  }
  const parsed = resourcesSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`${where} is not {"topics": {...}, "queues": {...}}`);
  return parsed.data;
}

function credentialsIn(env: Env): AwsTarget['credentials'] {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN && { sessionToken: env.AWS_SESSION_TOKEN }) };
}

function describeSource(
  options: GlobalOptions,
  found: { envEndpoint: string | undefined; envResources: boolean; endpointFromState: boolean; statePath: string | undefined },
): string {
  if (options.sqsEndpoint !== undefined) return `--sqs-endpoint ${options.sqsEndpoint}`;
  if (found.envEndpoint !== undefined || found.envResources) return 'the environment (AWS_ENDPOINT_URL_SQS / INVENTARIO_RESOURCES)';
  if (found.endpointFromState) return `the local system (${found.statePath})`;
  return `AWS, stage ${options.stage}`;
}
