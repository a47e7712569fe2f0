import { GetQueueAttributesCommand, GetQueueUrlCommand, QueueDoesNotExist, type SQSClient } from '@aws-sdk/client-sqs';
import type { AwsTarget } from '../config/aws-target';
import { UnknownNameError } from '../errors';

/** Finds queues by catalogue name: a known URL first, else `GetQueueUrl` of `<prefix><name>`. */
export class QueueLocator {
  private readonly found = new Map<string, string>();

  constructor(
    private readonly sqs: SQSClient,
    private readonly target: AwsTarget,
  ) {}

  /** The queue's URL; a URL given as the name is taken as it is. */
  async url(name: string): Promise<string> {
    if (/^https?:\/\//.test(name)) return name;
    const known = this.target.queueUrls[name] ?? this.found.get(name);
    if (known !== undefined) return known;
    const queueName = `${this.target.namePrefix}${name}`;
    try {
      const { QueueUrl } = await this.sqs.send(new GetQueueUrlCommand({ QueueName: queueName }));
      if (!QueueUrl) throw new UnknownNameError(`SQS answered no URL for queue ${queueName}`);
      this.found.set(name, QueueUrl);
      return QueueUrl;
    } catch (error) {
      if (error instanceof QueueDoesNotExist) throw new UnknownNameError(`No queue ${queueName} in ${this.target.source}`);
      throw error;
    }
  }

  /** The queue's ARN (for `StartMessageMoveTask`). */
  async arn(name: string): Promise<string> {
    const { Attributes } = await this.sqs.send(new GetQueueAttributesCommand({ QueueUrl: await this.url(name), AttributeNames: ['QueueArn'] }));
    if (!Attributes?.QueueArn) throw new UnknownNameError(`SQS answered no ARN for queue ${name}`);
    return Attributes.QueueArn;
  }
}
