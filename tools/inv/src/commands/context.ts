import type { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsClient } from '../aws/sqs-client';
import { QueueLocator } from '../aws/queue-locator';
import { resolveAwsTarget, type AwsTarget } from '../config/aws-target';
import { localGatewayPort, resolveGatewayTarget, type GatewayTarget } from '../config/gateway-target';
import type { GlobalOptions } from '../config/global-options';
import { findWorkspaceRoot } from '../config/workspace-root';
import { UsageError } from '../errors';
import { GatewayClient } from '../http/gateway-client';
import type { CliIo } from '../io';
import { toJson } from '../output/format';

/** The queues of the target, reached through one SQS client. */
export interface AwsAccess {
  target: AwsTarget;
  sqs: SQSClient;
  locator: QueueLocator;
}

/**
 * What a command works with: the IO, the options, and the configuration, resolved once and only when
 * the command needs it (reads never need AWS; replays never need the gateway).
 */
export class CommandContext {
  private gatewayTarget: GatewayTarget | undefined;
  private awsAccess: AwsAccess | undefined;

  constructor(
    readonly io: CliIo,
    readonly options: GlobalOptions & { output?: string; json?: boolean },
  ) {
    if (options.output !== undefined && !['table', 'json'].includes(options.output)) {
      throw new UsageError(`--output is table or json (got ${JSON.stringify(options.output)})`);
    }
  }

  /** True when results go out as JSON (`--json` or `--output json`). */
  get json(): boolean {
    return this.options.json === true || this.options.output === 'json';
  }

  now(): Date {
    return this.io.now?.() ?? new Date();
  }

  /** Writes a result: `human()` as text, or `data` as JSON. */
  print(data: unknown, human: () => string): void {
    this.io.out(this.json ? toJson(data) : human());
  }

  /** Says something to people on stderr. */
  say(line: string): void {
    this.io.err(`${line}\n`);
  }

  gateway(): GatewayTarget {
    return (this.gatewayTarget ??= resolveGatewayTarget(this.options.url, this.io.env));
  }

  gatewayClient(): GatewayClient {
    return new GatewayClient(this.gateway().baseUrl);
  }

  aws(): AwsAccess {
    if (this.awsAccess) return this.awsAccess;
    const target = resolveAwsTarget(this.options, this.io.env, {
      workspaceRoot: findWorkspaceRoot(),
      gatewayPort: localGatewayPort(this.gateway().baseUrl),
    });
    const sqs = createSqsClient(target);
    this.awsAccess = { target, sqs, locator: new QueueLocator(sqs, target) };
    return this.awsAccess;
  }

  /** Closes what the command opened. */
  close(): void {
    this.awsAccess?.sqs.destroy();
  }
}
