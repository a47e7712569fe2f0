/** An IAM policy document (the parts a queue policy uses). */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: {
    Sid: string;
    Effect: 'Allow';
    Principal: { Service: string };
    Action: string;
    Resource: string;
    Condition: { ArnEquals: { 'aws:SourceArn': string } };
  }[];
}

/**
 * The policy of a consumer's queue: SNS may send to it only on behalf of the queue's own topic. SST's
 * `subscribeQueue` policy lets any topic send, so this one is written out.
 *
 * @example
 * queuePolicyDocument('arn:aws:sqs:...:orden-compra', 'arn:aws:sns:...:OrdenCompra').Statement[0].Condition;
 * // { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:...:OrdenCompra' } }
 */
export function queuePolicyDocument(queueArn: string, topicArn: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OnlyItsOwnTopic',
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': topicArn } },
      },
    ],
  };
}
