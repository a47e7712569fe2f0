import type { ResourcePolicyDocument } from './topic-policy';

/**
 * The policy of the platform's own KMS key, the one topics encrypted for AWS services use: this account
 * administers it through IAM (the default key policy), and the services named (CloudWatch, whose alarms
 * publish to the encrypted alarm topic) may make and read data keys with it. SNS's AWS managed key
 * (`alias/aws/sns`) cannot be granted to a service, hence this key.
 *
 * @example
 * serviceKeyPolicyDocument('123456789012', ['cloudwatch.amazonaws.com']).Statement[1].Action;
 * // ['kms:Decrypt', 'kms:GenerateDataKey*']
 */
export function serviceKeyPolicyDocument(accountId: string, services: readonly string[]): ResourcePolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ThisAccountAdministers', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' },
      ...services.map((service) => ({
        Sid: `EncryptFor${service.split('.')[0]}`,
        Effect: 'Allow' as const,
        Principal: { Service: service },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: '*',
      })),
    ],
  };
}
