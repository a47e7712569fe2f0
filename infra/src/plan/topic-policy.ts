/** One statement of a topic or key policy. */
export interface ResourcePolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Principal: '*' | { AWS: string } | { Service: string };
  Action: string | string[];
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

/** A resource policy document (topic, key). */
export interface ResourcePolicyDocument {
  Version: '2012-10-17';
  Statement: ResourcePolicyStatement[];
}

/** What this account's principals may do on a topic (given their own IAM permissions). */
export const TOPIC_ACCOUNT_ACTIONS = ['sns:Publish', 'sns:Subscribe', 'sns:GetTopicAttributes', 'sns:ListSubscriptionsByTopic'];

/**
 * The access policy of a topic, replacing SNS's default one: only this account's principals (each still
 * needing its own IAM permission, which links grant) may publish or subscribe, never another account;
 * the services named (CloudWatch, on the alarm topic) may publish on behalf of this account only; and no
 * one may publish over plain HTTP.
 *
 * @example
 * topicPolicyDocument('arn:aws:sns:eu-west-1:123456789012:inventario-production-Alarmas', '123456789012', ['cloudwatch.amazonaws.com']);
 */
export function topicPolicyDocument(topicArn: string, accountId: string, servicePublishers: readonly string[]): ResourcePolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ThisAccountOnly',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: TOPIC_ACCOUNT_ACTIONS,
        Resource: topicArn,
      },
      ...servicePublishers.map(
        (service): ResourcePolicyStatement => ({
          Sid: `PublishFrom${service.split('.')[0]}`,
          Effect: 'Allow',
          Principal: { Service: service },
          Action: 'sns:Publish',
          Resource: topicArn,
          // The service acts for this account only (no confused deputy).
          Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
        }),
      ),
      {
        Sid: 'TlsOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  };
}
